// Fictional instruments per investment type. ISINs are derived from the name (stable, valid check digit).
import { ALL_KEY_BY_INVESTMENT_TYPE, INVESTMENT_TYPES, type TInvestmentType } from "@/lib/flanks/schemas/investment-type";
import { makeIsin } from "./identifiers";

// The reference's type codes and /all keys have one home (lib/flanks/schemas): the sandbox answers with the same.
export { ALL_KEY_BY_INVESTMENT_TYPE, INVESTMENT_TYPES, type TInvestmentType };

export type TInstrument = {
  type: TInvestmentType;
  name: string;
  /** ISIN, or the identifier Flanks uses where there is none (DGS code for plans, ticker for crypto). */
  isin: string;
  currency: "EUR" | "USD";
  sybtype: string;
  price: number;
  symbol: string | null;
  market: string | null;
  operatingMarket: string | null;
  /** Fixed income and deposits: annual coupon/rate in percent. */
  rate?: number;
  maturityYears?: number;
  leverage?: number;
  manager?: { name: string; cif: string; registry: string };
  depositary?: { name: string; cif: string; registry: string };
};

const MANAGERS = [
  { name: "Meseta Gestión SGIIC", cif: "A28714563", registry: "212" },
  { name: "Alhambra Asset Management SGIIC", cif: "A18903420", registry: "187" },
  { name: "Tajo Inversiones SGIIC", cif: "A45029171", registry: "243" },
];
const DEPOSITARIES = [
  { name: "Custodia Ibérica SA", cif: "A80123456", registry: "236" },
  { name: "Depositaria Cantábrica SA", cif: "A39044610", registry: "198" },
];
const PLAN_MANAGERS = [
  { name: "Meseta Pensiones EGFP", cif: "A28991234", registry: "G0123" },
  { name: "Previsión Alhambra EGFP", cif: "A18770341", registry: "G0456" },
];

function isinInstrument(
  type: TInvestmentType,
  country: string,
  name: string,
  rest: Omit<TInstrument, "type" | "name" | "isin" | "symbol" | "market" | "operatingMarket"> &
    Partial<Pick<TInstrument, "symbol" | "market" | "operatingMarket">>,
): TInstrument {
  return { type, name, isin: makeIsin(country, name), symbol: null, market: null, operatingMarket: null, ...rest };
}

export const CATALOG: Record<TInvestmentType, readonly TInstrument[]> = {
  VI: [
    isinInstrument("VI", "ES", "Aceros del Norte SA", {
      currency: "EUR",
      sybtype: "common_stock",
      price: 14.32,
      symbol: "ACN",
      market: "XMAD",
      operatingMarket: "BMEX",
    }),
    isinInstrument("VI", "ES", "Energía Peninsular SA", {
      currency: "EUR",
      sybtype: "common_stock",
      price: 11.87,
      symbol: "ENP",
      market: "XMAD",
      operatingMarket: "BMEX",
    }),
    isinInstrument("VI", "US", "Harbor Robotics Inc", {
      currency: "USD",
      sybtype: "common_stock",
      price: 182.4,
      symbol: "HRBT",
      market: "XNAS",
      operatingMarket: "XNAS",
    }),
    isinInstrument("VI", "US", "Great Lakes Motors Corp", {
      currency: "USD",
      sybtype: "common_stock",
      price: 47.15,
      symbol: "GLMC",
      market: "XNYS",
      operatingMarket: "XNYS",
    }),
    isinInstrument("VI", "DE", "Rheinwerk Chemie AG", {
      currency: "EUR",
      sybtype: "common_stock",
      price: 63.9,
      symbol: "RWC",
      market: "XETR",
      operatingMarket: "XETR",
    }),
    isinInstrument("VI", "FR", "Lumière Luxe SA", {
      currency: "EUR",
      sybtype: "common_stock",
      price: 702.3,
      symbol: "LLX",
      market: "XPAR",
      operatingMarket: "XPAR",
    }),
  ],
  FI: [
    isinInstrument("FI", "ES", "Bono del Estado 3,45% 2034", {
      currency: "EUR",
      sybtype: "government_bond",
      price: 101.42,
      rate: 3.45,
      maturityYears: 9,
      market: "XMAD",
      operatingMarket: "BMEX",
    }),
    isinInstrument("FI", "FR", "OAT 2,75% 2032", {
      currency: "EUR",
      sybtype: "government_bond",
      price: 98.61,
      rate: 2.75,
      maturityYears: 7,
      market: "XPAR",
      operatingMarket: "XPAR",
    }),
    isinInstrument("FI", "US", "US Treasury 4,25% 2031", { currency: "USD", sybtype: "government_bond", price: 99.13, rate: 4.25, maturityYears: 6 }),
    isinInstrument("FI", "DE", "Rheinwerk Chemie 1,875% 2029", {
      currency: "EUR",
      sybtype: "corporate_bond",
      price: 96.8,
      rate: 1.875,
      maturityYears: 4,
      market: "XETR",
      operatingMarket: "XETR",
    }),
  ],
  F: [
    isinInstrument("F", "ES", "Meseta Renta Fija Corto Plazo FI", {
      currency: "EUR",
      sybtype: "fixed_income_fund",
      price: 10.8734,
      manager: MANAGERS[0],
      depositary: DEPOSITARIES[0],
    }),
    isinInstrument("F", "ES", "Alhambra Bolsa Europea FI", {
      currency: "EUR",
      sybtype: "equity_fund",
      price: 24.5512,
      manager: MANAGERS[1],
      depositary: DEPOSITARIES[1],
    }),
    isinInstrument("F", "LU", "Atlantic Global Equity Fund A Acc", { currency: "USD", sybtype: "equity_fund", price: 152.0931 }),
    isinInstrument("F", "IE", "Emerald Multi-Asset Income Fund", { currency: "EUR", sybtype: "mixed_fund", price: 9.4418 }),
    isinInstrument("F", "ES", "Tajo Mixto Flexible FI", {
      currency: "EUR",
      sybtype: "mixed_fund",
      price: 13.2207,
      manager: MANAGERS[2],
      depositary: DEPOSITARIES[0],
    }),
  ],
  PP: [
    {
      type: "PP",
      name: "Meseta Plan de Pensiones Moderado",
      isin: "N4521",
      currency: "EUR",
      sybtype: "individual",
      price: 18.3345,
      symbol: null,
      market: null,
      operatingMarket: null,
      manager: PLAN_MANAGERS[0],
    },
    {
      type: "PP",
      name: "Alhambra Plan Renta Variable PP",
      isin: "N5187",
      currency: "EUR",
      sybtype: "individual",
      price: 27.9012,
      symbol: null,
      market: null,
      operatingMarket: null,
      manager: PLAN_MANAGERS[1],
    },
    {
      type: "PP",
      name: "Plan de Empleo Sector Financiero",
      isin: "N3390",
      currency: "EUR",
      sybtype: "employment",
      price: 11.0421,
      symbol: null,
      market: null,
      operatingMarket: null,
    },
  ],
  ETF: [
    isinInstrument("ETF", "IE", "Europa 600 UCITS ETF", {
      currency: "EUR",
      sybtype: "equity_etf",
      price: 48.27,
      symbol: "EU600",
      market: "XETR",
      operatingMarket: "XETR",
    }),
    isinInstrument("ETF", "IE", "US Total Market UCITS ETF", {
      currency: "USD",
      sybtype: "equity_etf",
      price: 112.64,
      symbol: "USTM",
      market: "XNYS",
      operatingMarket: "XNYS",
    }),
    isinInstrument("ETF", "LU", "Euro Govt Bond 7-10 ETF", {
      currency: "EUR",
      sybtype: "bond_etf",
      price: 143.05,
      symbol: "EGB710",
      market: "XPAR",
      operatingMarket: "XPAR",
    }),
  ],
  L: [
    {
      type: "L",
      name: "Liquidez cuenta de valores EUR",
      isin: "LIQUIDITY-EUR",
      currency: "EUR",
      sybtype: "cash",
      price: 1,
      symbol: null,
      market: null,
      operatingMarket: null,
    },
    { type: "L", name: "Liquidity USD", isin: "LIQUIDITY-USD", currency: "USD", sybtype: "cash", price: 1, symbol: null, market: null, operatingMarket: null },
  ],
  O: [
    isinInstrument("O", "ES", "Nota Estructurada Autocancelable Ibex 2027", { currency: "EUR", sybtype: "structured_product", price: 97.2, maturityYears: 2 }),
    isinInstrument("O", "FR", "Warrant Call Lumière Luxe 800", { currency: "EUR", sybtype: "warrant", price: 0.42, maturityYears: 1 }),
  ],
  DV: [
    isinInstrument("DV", "DE", "Futuro Euro Stoxx 50 Dic", {
      currency: "EUR",
      sybtype: "future",
      price: 5012.5,
      leverage: 10,
      maturityYears: 1,
      market: "XEUR",
      operatingMarket: "XEUR",
    }),
    isinInstrument("DV", "ES", "Opción Put Ibex 35 Mar", {
      currency: "EUR",
      sybtype: "option",
      price: 212.3,
      leverage: 5,
      maturityYears: 1,
      market: "XMRV",
      operatingMarket: "BMEX",
    }),
  ],
  BP: [
    isinInstrument("BP", "ES", "Depósito a plazo fijo 12 meses", { currency: "EUR", sybtype: "term_deposit", price: 1, rate: 2.6, maturityYears: 1 }),
    isinInstrument("BP", "ES", "Depósito USD 6 meses", { currency: "USD", sybtype: "term_deposit", price: 1, rate: 4.1, maturityYears: 1 }),
  ],
  AEP: [
    isinInstrument("AEP", "LU", "Iberian Private Equity Fund III SCA", { currency: "EUR", sybtype: "private_equity", price: 1.0843 }),
    isinInstrument("AEP", "ES", "Fondo Infraestructuras Sostenibles FCR", { currency: "EUR", sybtype: "venture_capital", price: 1.1517 }),
  ],
  C: [
    { type: "C", name: "Bitcoin", isin: "BTC", currency: "EUR", sybtype: "cryptocurrency", price: 61234.5, symbol: "BTC", market: null, operatingMarket: null },
    { type: "C", name: "Ether", isin: "ETH", currency: "USD", sybtype: "cryptocurrency", price: 3120.4, symbol: "ETH", market: null, operatingMarket: null },
  ],
  CFD: [
    isinInstrument("CFD", "DE", "CFD DAX 40", {
      currency: "EUR",
      sybtype: "index_cfd",
      price: 18876.2,
      leverage: 20,
      symbol: "DE40",
      market: "XOFF",
      operatingMarket: "XOFF",
    }),
    isinInstrument("CFD", "US", "CFD Harbor Robotics", {
      currency: "USD",
      sybtype: "equity_cfd",
      price: 182.4,
      leverage: 5,
      symbol: "HRBT",
      market: "XOFF",
      operatingMarket: "XOFF",
    }),
  ],
};
