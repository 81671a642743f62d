// Account transactions generated lazily: record i is a pure function of (seed, i, balance before it),
// and balances are checkpointed every BLOCK records, so any page of a 100 000-record history costs
// at most BLOCK + page_size record steps instead of materialising the whole history.
import { createFastRng, hexIdsOf, mix32, type TRng } from "./prng";
import { isoDay } from "./dates";
import { makeSpanishIban } from "./identifiers";

const BLOCK = 1024;

export type TAccountPlan = {
  id: string;
  iban: string;
  currency: "EUR" | "USD";
  productDescription: string;
  /** Share of the transactions that belong to this account. */
  weight: number;
  /** Balance the spending pattern gravitates to, in cents. */
  targetCents: number;
  openingCents: number;
  cardPans: string[];
};

export type TAccountTransactionContext = {
  seedInt: number;
  credentialsToken: string;
  externalId: string | null;
  entity: string;
  count: number;
  firstDay: number;
  lastDay: number;
  accounts: TAccountPlan[];
};

export type TAccountTransaction = Record<string, unknown> & { _id: string; account_id: string; amount: number; operationDate: string };

type TStep = { account: number; amountCents: number; rng: TRng; income: boolean };

function step(ctx: TAccountTransactionContext, cumulative: number[], i: number, balances: Float64Array): TStep {
  const rng = createFastRng(mix32(ctx.seedInt, i));
  const u = rng.next();
  let account = cumulative.findIndex((limit) => u < limit);
  if (account < 0) account = cumulative.length - 1;
  const plan = ctx.accounts[account];
  if (!plan) throw new Error("account plan missing");
  const balance = balances[account] ?? 0;
  // Mean reversion keeps balances plausible over 100 000 records without a global pass per page.
  const incomeChance = balance < plan.targetCents * 0.4 ? 0.3 : balance > plan.targetCents * 1.6 ? 0.02 : 0.09;
  const scale = plan.targetCents / 800_000;
  const income = rng.chance(incomeChance);
  let amountCents: number;
  if (income) amountCents = Math.round((rng.int(25, 45) * plan.targetCents) / 100 + rng.int(0, 99));
  else if (rng.chance(0.08)) amountCents = -Math.round(rng.int(20_000, 150_000) * scale);
  else amountCents = -Math.max(1, Math.round(rng.int(300, 18_000) * Math.max(scale, 0.3)));
  return { account, amountCents, rng, income };
}

type TPlanCache = { checkpoints: Float64Array; finalCents: number[]; cumulative: number[] };
const planCache = new Map<string, TPlanCache>();

function cacheKey(ctx: TAccountTransactionContext): string {
  return [ctx.seedInt, ctx.count, ctx.firstDay, ctx.lastDay, ...ctx.accounts.map((a) => `${a.iban}:${a.openingCents}:${a.targetCents}:${a.weight}`)].join("|");
}

function buildPlan(ctx: TAccountTransactionContext): TPlanCache {
  const key = cacheKey(ctx);
  const cached = planCache.get(key);
  if (cached) return cached;
  const totalWeight = ctx.accounts.reduce((sum, a) => sum + a.weight, 0);
  let running = 0;
  const cumulative = ctx.accounts.map((a) => (running += a.weight / totalWeight));
  const n = ctx.accounts.length;
  const blocks = Math.ceil(ctx.count / BLOCK) + 1;
  const checkpoints = new Float64Array(blocks * n);
  const balances = new Float64Array(ctx.accounts.map((a) => a.openingCents));
  for (let i = 0; i < ctx.count; i++) {
    if (i % BLOCK === 0) checkpoints.set(balances, (i / BLOCK) * n);
    const s = step(ctx, cumulative, i, balances);
    balances[s.account] = (balances[s.account] ?? 0) + s.amountCents;
  }
  const plan: TPlanCache = { checkpoints, finalCents: Array.from(balances), cumulative };
  planCache.set(key, plan);
  // A few credentials at a time are plenty; the cache only saves the O(n) pass.
  if (planCache.size > 16) {
    const oldest = planCache.keys().next().value;
    if (oldest !== undefined) planCache.delete(oldest);
  }
  return plan;
}

const SHOPS = [
  "Mercadona",
  "Carrefour Express",
  "Lidl",
  "El Corte Inglés",
  "Zara",
  "Repsol",
  "Cepsa",
  "Amazon EU",
  "Renfe",
  "Iberia",
  "Bar La Esquina",
  "Farmacia Central",
  "MediaMarkt",
  "Decathlon",
  "Uber BV",
] as const;
const SHOP_CATEGORY: Record<string, string> = {
  Mercadona: "Supermercados",
  "Carrefour Express": "Supermercados",
  Lidl: "Supermercados",
  "El Corte Inglés": "Compras",
  Zara: "Ropa",
  Repsol: "Gasolineras",
  Cepsa: "Gasolineras",
  "Amazon EU": "Compras online",
  Renfe: "Transporte",
  Iberia: "Viajes",
  "Bar La Esquina": "Restaurantes",
  "Farmacia Central": "Salud",
  MediaMarkt: "Electrónica",
  Decathlon: "Deportes",
  "Uber BV": "Transporte",
};
const BILLS = [
  { description: "RECIBO IBERDROLA CLIENTES", category: "Suministros" },
  { description: "RECIBO CANAL DE ISABEL II", category: "Suministros" },
  { description: "RECIBO MOVISTAR", category: "Telecomunicaciones" },
  { description: "SEGURO HOGAR MAPFRE", category: "Seguros" },
  { description: "CUOTA GIMNASIO", category: "Deportes" },
  { description: "COMUNIDAD DE PROPIETARIOS", category: "Hogar" },
] as const;
const PAYEES = ["María López Ruiz", "Inmobiliaria Sol SL", "Colegio San José", "Javier Martín Pérez", "Talleres Hermanos Gil"] as const;
const PAYERS = ["Tecnologías Ibéricas SA", "Agencia Tributaria", "Lucía Fernández Gómez", "Construcciones Duero SL"] as const;

type TIds = { tx: (i: number) => string; external: ((i: number) => string) | null };

function buildRecord(ctx: TAccountTransactionContext, ids: TIds, i: number, s: TStep, balanceAfterCents: number): TAccountTransaction {
  const plan = ctx.accounts[s.account];
  if (!plan) throw new Error("account plan missing");
  const rng = s.rng;
  const span = ctx.lastDay - ctx.firstDay;
  // Spread evenly, so the newest record falls on lastDay (the status's last_transaction_date).
  const day = ctx.count <= 1 ? ctx.lastDay : ctx.firstDay + Math.round((i * span) / (ctx.count - 1));
  const valueDay = rng.chance(0.2) ? day + 1 : day;
  let description: string;
  let category: string | null;
  let flanksCategory: string;
  let type: string;
  let norma43: string;
  let cardNumber: string | null = null;
  let transfer: Record<string, string | null> = { beneficiary: null, ibanBeneficiary: null, ibanOrdenant: null, ordenant: null };
  if (s.income) {
    if (rng.chance(0.6)) {
      const payer = rng.pick(PAYERS);
      description = payer.startsWith("Tecnolog") || payer.startsWith("Constru") ? `NÓMINA ${payer.toUpperCase()}` : `TRANSFERENCIA DE ${payer.toUpperCase()}`;
      category = description.startsWith("NÓMINA") ? "Nómina" : "Transferencias";
      flanksCategory = description.startsWith("NÓMINA") ? "salary" : "transfer_in";
      type = "transfer";
      norma43 = description.startsWith("NÓMINA") ? "02" : "04";
      transfer = {
        beneficiary: null,
        ibanBeneficiary: plan.iban,
        ibanOrdenant: rng.chance(0.7) ? makeSpanishIban(rng.digits(4), rng.digits(4), rng.digits(10)) : null,
        ordenant: payer,
      };
    } else {
      description = "ABONO INTERESES";
      category = "Intereses";
      flanksCategory = "interest";
      type = "interest";
      norma43 = "15";
    }
  } else if (s.amountCents < -20_000 * 0.3 && rng.chance(0.4)) {
    const payee = rng.pick(PAYEES);
    description = `TRANSFERENCIA A ${payee.toUpperCase()}`;
    category = "Transferencias";
    flanksCategory = "transfer_out";
    type = "transfer";
    norma43 = "04";
    transfer = {
      beneficiary: payee,
      ibanBeneficiary: rng.chance(0.8) ? makeSpanishIban(rng.digits(4), rng.digits(4), rng.digits(10)) : null,
      ibanOrdenant: plan.iban,
      ordenant: null,
    };
  } else {
    const roll = rng.next();
    if (roll < 0.6 && plan.cardPans.length > 0) {
      const shop = rng.pick(SHOPS);
      description = `COMPRA TARJ. ${shop.toUpperCase()}`;
      category = SHOP_CATEGORY[shop] ?? "Compras";
      flanksCategory = "card_payment";
      type = "card";
      norma43 = "12";
      cardNumber = rng.pick(plan.cardPans);
    } else if (roll < 0.85) {
      const bill = rng.pick(BILLS);
      description = bill.description;
      category = bill.category;
      flanksCategory = "bills";
      type = "direct_debit";
      norma43 = "03";
    } else if (roll < 0.95) {
      description = "RETIRADA EFECTIVO CAJERO";
      category = "Efectivo";
      flanksCategory = "cash";
      type = "cash_withdrawal";
      norma43 = "11";
    } else {
      description = "COMISIÓN MANTENIMIENTO";
      category = "Comisiones";
      flanksCategory = "fees";
      type = "fee";
      norma43 = "17";
    }
  }
  const record: TAccountTransaction = {
    _id: ids.tx(i),
    external_id: ids.external === null ? null : ids.external(i),
    entity: ctx.entity,
    account_id: plan.iban,
    amount: s.amountCents / 100,
    balance: rng.chance(0.03) ? null : balanceAfterCents / 100,
    cardNumber,
    category: rng.chance(0.08) ? null : category,
    flanks_category: flanksCategory,
    type,
    currency: plan.currency,
    operationDate: isoDay(day),
    valueDate: isoDay(valueDay),
    description,
    productDescription: plan.productDescription,
    transaction_id: rng.chance(0.2) ? null : `${ctx.seedInt.toString(36).toUpperCase()}${String(i).padStart(7, "0")}`,
    transfer,
    norma43: rng.chance(0.1) ? null : norma43,
    order_id: null,
    pair_transaction_id: null,
  };
  // Flanks may add fields at any time: a few records carry one the reference does not list.
  if (rng.chance(0.01)) record.sandbox_note = "undocumented field, as Flanks may add fields at any time";
  return record;
}

export type TAccountTransactionsView = {
  count: number;
  /** Balance of each account after the last transaction, in cents (same order as the plans). */
  finalBalanceCents: number[];
  /** Records newest first; `start`/`end` index that order (end exclusive). */
  range(start: number, end: number): TAccountTransaction[];
  /** Page 1 is the newest. */
  page(page: number, pageSize: number): TAccountTransaction[];
  /** Walks every record, oldest first, without keeping them. */
  forEach(visit: (record: TAccountTransaction) => void): void;
};

export function createAccountTransactionsView(ctx: TAccountTransactionContext): TAccountTransactionsView {
  const n = ctx.accounts.length;
  const plan = n === 0 || ctx.count === 0 ? null : buildPlan(ctx);
  const count = plan ? ctx.count : 0;
  const ids: TIds = { tx: hexIdsOf(ctx.credentialsToken, "tx"), external: ctx.externalId === null ? null : hexIdsOf(ctx.externalId, "tx") };

  // Chronological indices lo..hi inclusive, oldest first.
  const chronological = (lo: number, hi: number, visit: (r: TAccountTransaction) => void): void => {
    if (!plan || hi < lo) return;
    const block = Math.floor(lo / BLOCK);
    const balances = plan.checkpoints.slice(block * n, block * n + n);
    for (let i = block * BLOCK; i <= hi; i++) {
      const s = step(ctx, plan.cumulative, i, balances);
      balances[s.account] = (balances[s.account] ?? 0) + s.amountCents;
      if (i >= lo) visit(buildRecord(ctx, ids, i, s, balances[s.account] ?? 0));
    }
  };

  const range = (start: number, end: number): TAccountTransaction[] => {
    const from = Math.max(0, start);
    const to = Math.min(count, end);
    if (to <= from) return [];
    const out: TAccountTransaction[] = [];
    chronological(count - to, count - 1 - from, (r) => out.push(r));
    return out.reverse();
  };

  return {
    count,
    finalBalanceCents: plan ? plan.finalCents : ctx.accounts.map((a) => a.openingCents),
    range,
    page: (page, pageSize) => range((page - 1) * pageSize, page * pageSize),
    forEach: (visit) => chronological(0, count - 1, visit),
  };
}
