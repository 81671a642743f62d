import { enumOrOther } from "./common";

/** Investment types of the reference (`type` of /investment, and the keys of /all). */
export const INVESTMENT_TYPES = ["VI", "FI", "F", "PP", "ETF", "L", "O", "DV", "BP", "AEP", "C", "CFD"] as const;
export type TInvestmentType = (typeof INVESTMENT_TYPES)[number];

/** What an unknown code (a type Flanks added after this list was written) is shown as. */
export type TInvestmentTypeOrOther = TInvestmentType | "OTHER";

/**
 * Readable names. The English ones follow the reference's own words in the /all section
 * (VI = "stocks", BP = "bankProducts", which also holds deposits, AEP = "alternativeEmergingProducts"…).
 */
export const INVESTMENT_TYPE_NAMES = {
  VI: { en: "Stocks (equities)", es: "Renta variable" },
  FI: { en: "Fixed income", es: "Renta fija" },
  F: { en: "Funds", es: "Fondos de inversión" },
  PP: { en: "Pension plans", es: "Planes de pensiones" },
  ETF: { en: "ETFs", es: "ETF" },
  L: { en: "Liquidity", es: "Liquidez" },
  O: { en: "Other", es: "Otros" },
  DV: { en: "Derivatives", es: "Derivados" },
  BP: { en: "Bank products (deposits)", es: "Productos bancarios (depósitos)" },
  AEP: { en: "Alternative and emerging products", es: "Productos alternativos y emergentes" },
  C: { en: "Cryptocurrencies", es: "Criptomonedas" },
  CFD: { en: "Contracts for difference (CFDs)", es: "Contratos por diferencias (CFD)" },
  OTHER: { en: "Other", es: "Otros" },
} as const satisfies Record<TInvestmentTypeOrOther, { en: string; es: string }>;

/** The /all key that lists each investment type (per the reference's /all section). */
export const ALL_KEY_BY_INVESTMENT_TYPE = {
  VI: "stocks",
  FI: "fixedIncome",
  F: "funds",
  PP: "pensionPlans",
  ETF: "etfs",
  L: "liquidity",
  O: "others",
  DV: "derivatives",
  BP: "bankProducts",
  AEP: "alternativeEmergingProducts",
  C: "cryptoCurrencies",
  CFD: "contractForDifferences",
} as const satisfies Record<TInvestmentType, string>;

/** A known code, or "OTHER" for anything else (the raw code stays on the record). */
export const investmentTypeOf: (code: string | null | undefined) => TInvestmentTypeOrOther = enumOrOther(INVESTMENT_TYPES);

export function investmentTypeName(code: string | null | undefined, locale: "en" | "es" = "en"): string {
  return INVESTMENT_TYPE_NAMES[investmentTypeOf(code)][locale];
}
