import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { currencyExponent, decimalToMinor, money, type TMoney } from "@/lib/money/money";
import { UNKNOWN_CURRENCY } from "@/lib/wealth/decimal";
import type { TLedgerKind, TLedgerQuery } from "@/lib/wealth/ledger-query";
import { getWealthContext, type TWealthContext } from "./wealth-context";

export type TLedgerRow = {
  id: string;
  date: string;
  valueDate: string;
  description: string;
  amount: TMoney;
  balance: TMoney | null;
  /** The account IBAN, card PAN, investment name or liability name the row belongs to. */
  product: string;
  category: string | null;
  /** Investment transactions: shares and unit price. */
  quantity: string | null;
  unitPrice: string | null;
};

export type TLedgerProductOption = { value: string; label: string };
export type TLedgerPage = { context: TWealthContext; rows: TLedgerRow[]; total: number; page: number; pageCount: number; products: TLedgerProductOption[] };

type TWhere = Record<string, unknown>;
type TRaw = Record<string, unknown> & { id: string; currency: string; operationDate: string; valueDate: string };

/** Per kind: which column is the product, the amount, the text searched. */
const KINDS = {
  account: { product: "accountId", amount: "amountMinor", text: ["description", "category"] },
  card: { product: "cardId", amount: "amountMinor", text: ["shop", "category"] },
  investment: { product: "investmentId", amount: "netCashMinor", text: ["description", "isin"] },
  liability: { product: "liabilityId", amount: "amountMinor", text: ["description"] },
} as const satisfies Record<TLedgerKind, { product: string; amount: string; text: readonly string[] }>;

function delegate(kind: TLedgerKind) {
  const db = getDb();
  const model = { account: db.wealthAccountTransaction, card: db.wealthCardTransaction, investment: db.wealthInvestmentTransaction, liability: db.wealthLiabilityTransaction }[kind];
  // The four models share the columns used here; their generated argument types differ only by model name.
  return model as unknown as {
    count(args: { where: TWhere }): Promise<number>;
    findMany(args: { where: TWhere; orderBy?: TWhere[]; skip?: number; take?: number }): Promise<TRaw[]>;
    findMany(args: { where: TWhere; orderBy: TWhere[]; skip: number; take: number; select: { id: true } }): Promise<{ id: string }[]>;
    findMany(args: { where: TWhere; distinct: string[]; select: TWhere }): Promise<{ currency: string }[]>;
  };
}

function minorIn(decimal: string, currency: string): bigint {
  return decimalToMinor(decimal, currency === UNKNOWN_CURRENCY ? 2 : currencyExponent(currency));
}

async function buildWhere(kind: TLedgerKind, clientId: string, query: TLedgerQuery): Promise<TWhere> {
  const config = KINDS[kind];
  const and: TWhere[] = [{ clientId }];
  if (query.product) and.push({ [config.product]: query.product });
  if (query.from) and.push({ operationDate: { gte: query.from } });
  if (query.to) and.push({ operationDate: { lte: query.to } });
  if (query.q) and.push({ OR: config.text.map((field) => ({ [field]: { contains: query.q } })) });
  if (query.min !== undefined || query.max !== undefined) {
    // Amounts are minor units of each row's own currency: the bound is converted per currency, exactly.
    const currencies = (await delegate(kind).findMany({ where: { clientId }, distinct: ["currency"], select: { currency: true } })).map((row) => row.currency);
    and.push({
      OR: currencies.map((currency) => ({
        currency,
        [config.amount]: {
          ...(query.min !== undefined ? { gte: minorIn(query.min, currency) } : {}),
          ...(query.max !== undefined ? { lte: minorIn(query.max, currency) } : {}),
        },
      })),
    });
  }
  return { AND: and };
}

function orderOf(kind: TLedgerKind, query: TLedgerQuery): TWhere[] {
  const column = { date: "operationDate", valueDate: "valueDate", amount: KINDS[kind].amount, description: kind === "card" ? "shop" : "description" }[query.sort];
  return [{ [column]: query.dir }, { id: query.dir }];
}

async function productLabels(kind: TLedgerKind, clientId: string): Promise<TLedgerProductOption[]> {
  const db = getDb();
  switch (kind) {
    case "account":
      return (await db.wealthAccount.findMany({ where: { clientId }, orderBy: { iban: "asc" }, select: { iban: true, alias: true, currency: true } })).map((a) => ({
        value: a.iban,
        label: a.alias && a.alias !== a.iban ? `${a.alias} · ${a.iban} (${a.currency})` : `${a.iban} (${a.currency})`,
      }));
    case "card":
      return (await db.wealthCard.findMany({ where: { clientId }, orderBy: { pan: "asc" }, select: { flanksId: true, pan: true, product: true } })).map((c) => ({
        value: c.flanksId,
        label: c.product ? `${c.product} · ${c.pan}` : c.pan,
      }));
    case "investment":
      return (await db.wealthInvestment.findMany({ where: { clientId }, orderBy: { name: "asc" }, select: { flanksId: true, name: true, isin: true } })).map((i) => ({
        value: i.flanksId,
        label: `${i.name} · ${i.isin}`,
      }));
    case "liability":
      return (await db.wealthLiability.findMany({ where: { clientId }, orderBy: { name: "asc" }, select: { flanksId: true, name: true } })).map((l) => ({ value: l.flanksId, label: l.name }));
  }
}

function toRow(kind: TLedgerKind, raw: TRaw, labels: Map<string, string>): TLedgerRow {
  const config = KINDS[kind];
  const productId = String(raw[config.product] ?? "");
  const currency = raw.currency === UNKNOWN_CURRENCY ? "XXX" : raw.currency;
  const minor = raw[config.amount] as bigint;
  const balance = kind === "account" || kind === "liability" ? (raw.balanceMinor as bigint | null) : null;
  const balanceCurrency = kind === "liability" ? String(raw.balanceCurrency ?? currency) : currency;
  return {
    id: raw.id,
    date: raw.operationDate,
    valueDate: raw.valueDate,
    description: String((kind === "card" ? raw.shop : raw.description) ?? ""),
    amount: money(minor, currency),
    balance: balance === null || balance === undefined ? null : money(balance, balanceCurrency),
    product: labels.get(productId) ?? productId,
    category: typeof raw.category === "string" ? raw.category : kind === "investment" ? String(raw.type ?? "") || null : kind === "liability" ? ((raw.type as string | null) ?? null) : null,
    quantity: kind === "investment" ? String(raw.amount) : null,
    unitPrice: kind === "investment" ? String(raw.unitPrice) : null,
  };
}

/** One page of a client's transactions of one kind, sorted and filtered in the database. */
export async function listTransactions(actor: TActor, clientId: unknown, kind: TLedgerKind, query: TLedgerQuery): Promise<TLedgerPage> {
  const context = await getWealthContext(actor, clientId);
  const model = delegate(kind);
  const where = await buildWhere(kind, context.clientId, query);
  const [total, products] = await Promise.all([model.count({ where }), productLabels(kind, context.clientId)]);
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  const page = Math.min(query.page, pageCount);
  // Deferred join: the page's ids come from the (clientId, sort column, id) index alone, however deep
  // the offset (page 2 000 of 100 000 rows skips index entries, not table rows); then 50 rows are read.
  const ids = (await model.findMany({ where, orderBy: orderOf(kind, query), skip: (page - 1) * query.size, take: query.size, select: { id: true } })).map((row) => row.id);
  const byId = new Map((ids.length ? await model.findMany({ where: { id: { in: ids } } }) : []).map((row) => [row.id, row]));
  const raw = ids.flatMap((id) => byId.get(id) ?? []);
  const labels = new Map(products.map((p) => [p.value, p.label]));
  return { context, rows: raw.map((r) => toRow(kind, r, labels)), total, page, pageCount, products };
}

/** Every row matching the filters, in the table's order, in batches (for the CSV export). */
export async function* iterateTransactions(actor: TActor, clientId: unknown, kind: TLedgerKind, query: TLedgerQuery, batchSize = 2_000): AsyncGenerator<TLedgerRow[]> {
  const context = await getWealthContext(actor, clientId);
  const model = delegate(kind);
  const where = await buildWhere(kind, context.clientId, query);
  const labels = new Map((await productLabels(kind, context.clientId)).map((p) => [p.value, p.label]));
  for (let skip = 0; ; skip += batchSize) {
    const raw = await model.findMany({ where, orderBy: orderOf(kind, query), skip, take: batchSize });
    if (raw.length === 0) return;
    yield raw.map((r) => toRow(kind, r, labels));
    if (raw.length < batchSize) return;
  }
}
