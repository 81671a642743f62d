import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { money, type TMoney } from "@/lib/money/money";
import { toMinor } from "@/lib/wealth/decimal";
import { dialectOfClient } from "@/lib/db/sql-dialect";
import { textSearchMatch, type TLedgerKey, type TLedgerKind, type TLedgerQuery, type TLedgerSort } from "@/lib/wealth/ledger-query";
import { postgresSearchVector, postgresSearchWords } from "@/lib/wealth/transaction-search-sql";
import { investmentTxDetails, parseExtra, transferCounterparty, type TCounterparty, type TInvestmentTxDetails } from "@/lib/wealth/transaction-details";
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
  /** The bank's own category (accounts, cards). */
  category: string | null;
  /** The type code as sent: Flanks' classification (accounts), its standard code (investments: "4", "28"…), the liability's. */
  typeCode: string | null;
  /** Investment transactions: shares and unit price. */
  quantity: string | null;
  unitPrice: string | null;
  /** Card transactions: the commission charged. */
  commission: TMoney | null;
  /** Investment transactions: fees, taxes, expenses, exchange rate, realised gain. */
  investment: TInvestmentTxDetails | null;
  /** Account transactions: the other side of a transfer. */
  counterparty: TCounterparty | null;
};

export type TLedgerProductOption = { value: string; label: string };
export type TLedgerPage = {
  context: TWealthContext;
  rows: TLedgerRow[];
  total: number;
  page: number;
  pageCount: number;
  products: TLedgerProductOption[];
  /** The keys of the page's first and last rows: the previous and next links page from them. */
  firstKey: TLedgerKey | null;
  lastKey: TLedgerKey | null;
};

type TRaw = Record<string, unknown> & { id: string; currency: string; operationDate: string; valueDate: string };

/** Per kind: the table, which column is the product and which the amount (the text searched is in migration 0006). */
const KINDS = {
  account: { table: "WealthAccountTransaction", product: "accountId", amount: "amountMinor" },
  card: { table: "WealthCardTransaction", product: "cardId", amount: "amountMinor" },
  investment: { table: "WealthInvestmentTransaction", product: "investmentId", amount: "netCashMinor" },
  liability: { table: "WealthLiabilityTransaction", product: "liabilityId", amount: "amountMinor" },
} as const satisfies Record<TLedgerKind, { table: string; product: string; amount: string }>;

function delegate(kind: TLedgerKind) {
  const db = getDb();
  const model = {
    account: db.wealthAccountTransaction,
    card: db.wealthCardTransaction,
    investment: db.wealthInvestmentTransaction,
    liability: db.wealthLiabilityTransaction,
  }[kind];
  // The four models share the columns used here; their generated argument types differ only by model name.
  return model as unknown as { findMany(args: { where: { id: { in: string[] } } }): Promise<TRaw[]> };
}

/** A column or table name from the constants above (never user input). */
const name = (identifier: string) => Prisma.raw(`"${identifier}"`);

/**
 * The words' tsquery on PostgreSQL: the words folded by the index's own function (so unaccent's ß → ss applies to both),
 * each a prefix (`word:*`), all of them required, as textSearchMatch asks FTS5. One expression of immutable functions
 * of the parameter, so the planner folds it to a constant and estimates the match from the index's statistics: built
 * in a subquery instead, it planned every search as matching 3 % of the rows, and read every client's matches from
 * the table before filtering by client (the bench's `recibo`: 770 ms, against 40 ms). The folded text holds only
 * letters, digits and spaces, so nothing of the input is tsquery syntax; no word left gives NULL, which matches nothing.
 */
const postgresTsqueryOf = (words: string) =>
  Prisma.sql`to_tsquery('simple'::regconfig, NULLIF(regexp_replace(btrim("patrimonio_search_text"(${words})), ' +', ':* & ', 'g'), '') || ':*')`;

/** The text filter as an FTS5 query on the kind's search table, or null when it has no words (SQLite). */
function textFilterOf(kind: TLedgerKind, clientId: string, q: string): TTextFilter | null {
  const words = textSearchMatch(q);
  if (words === null) return null;
  // Restricted to the client inside the index too: only their postings are read, not every client's.
  return { search: name(`${KINDS[kind].table}Search`), match: `"clientId" : "${clientId.replace(/"/g, '""')}" AND "text" : (${words})` };
}

type TTextFilter = { search: Prisma.Sql; match: string };
type TFilter = {
  where: Prisma.Sql;
  /** Set when the text filter is the only condition besides the client. */
  textAlone: TTextFilter | null;
  /** PostgreSQL with a text filter: its pages are read from the matches (see searchedWindowIds). */
  isPostgresSearch: boolean;
};

/**
 * How many rows match. A text filter alone is counted in its FTS table, whose rows are the
 * table's (migration 0006's triggers keep them in step): 16 000 matches of a 100 000-row client
 * took ~28 ms there against ~48 ms joined back to the table.
 */
async function countRows(kind: TLedgerKind, filter: TFilter): Promise<number> {
  const text = filter.textAlone;
  const [row] = text
    ? await getDb().$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM ${text.search} WHERE ${text.search} MATCH ${text.match}`
    : await getDb().$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM ${name(KINDS[kind].table)} WHERE ${filter.where}`;
  return Number(row?.total ?? 0);
}

/**
 * The filters as SQL. Raw rather than Prisma's `where`: the text filter is a full-text match in the
 * kind's FTS5 table (migration 0006), which Prisma does not model.
 */
async function filterOf(kind: TLedgerKind, clientId: string, query: TLedgerQuery): Promise<TFilter> {
  const config = KINDS[kind];
  const table = name(config.table);
  const and: Prisma.Sql[] = [Prisma.sql`"clientId" = ${clientId}`];
  let text: TTextFilter | null = null;
  const isPostgres = dialectOfClient(getDb()) === "postgres";
  if (query.product) and.push(Prisma.sql`${name(config.product)} = ${query.product}`);
  if (query.from) and.push(Prisma.sql`"operationDate" >= ${query.from}`);
  if (query.to) and.push(Prisma.sql`"operationDate" <= ${query.to}`);
  if (query.q && isPostgres) {
    // PostgreSQL: the GIN index over the row's own text (docs/decisions/048); the count then reads the table too.
    const words = postgresSearchWords(query.q);
    and.push(words === null ? Prisma.sql`1 = 0` : Prisma.sql`${Prisma.raw(postgresSearchVector(kind))} @@ ${postgresTsqueryOf(words)}`);
  } else if (query.q) {
    text = textFilterOf(kind, clientId, query.q);
    and.push(text === null ? Prisma.sql`1 = 0` : Prisma.sql`${table}.rowid IN (SELECT rowid FROM ${text.search} WHERE ${text.search} MATCH ${text.match})`);
  }
  if (query.min !== undefined || query.max !== undefined) {
    // Amounts are minor units of each row's own currency: the bound is converted per currency, exactly.
    const currencies = await getDb().$queryRaw<{ currency: string }[]>`SELECT DISTINCT "currency" FROM ${table} WHERE "clientId" = ${clientId}`;
    const amount = name(config.amount);
    const perCurrency = currencies.map(({ currency }) => {
      const bounds = [Prisma.sql`"currency" = ${currency}`];
      if (query.min !== undefined) bounds.push(Prisma.sql`${amount} >= ${toMinor(query.min, currency)}`);
      if (query.max !== undefined) bounds.push(Prisma.sql`${amount} <= ${toMinor(query.max, currency)}`);
      return Prisma.sql`(${Prisma.join(bounds, " AND ")})`;
    });
    and.push(perCurrency.length ? Prisma.sql`(${Prisma.join(perCurrency, " OR ")})` : Prisma.sql`1 = 0`);
  }
  return {
    where: Prisma.join(and, " AND "),
    textAlone: and.length === 2 ? text : null,
    isPostgresSearch: Boolean(query.q) && isPostgres,
  };
}

/**
 * The sort as SQL, and how to read a row's key from it. A card's shop may be null: it sorts as the
 * empty text, so a key comparison never meets a NULL (and both databases put those rows first).
 */
function sortOf(kind: TLedgerKind, sort: TLedgerSort): { sql: Prisma.Sql; keyOf(raw: TRaw): string } {
  if (sort === "description" && kind === "card") return { sql: Prisma.sql`COALESCE("shop", '')`, keyOf: (raw) => String(raw.shop ?? "") };
  const column = { date: "operationDate", valueDate: "valueDate", amount: KINDS[kind].amount, description: "description" }[sort];
  return { sql: name(column), keyOf: (raw) => String(raw[column]) };
}

/**
 * Which rows of the query's order a page reads: `offset` rows skipped, or those past a row's `key`;
 * `backwards` reads them from the other end (the last pages, the previous page) and turns them back.
 */
type TWindow = {
  limit: number;
  offset: number;
  key?: TLedgerKey;
  backwards: boolean;
  /**
   * Collect the matching rows through the search index first, then order them. PostgreSQL estimates any prefix search
   * at the same share of rows, so it walks the sort's index and tests each row's words until the page is full: a word
   * three rows have made it test all 104 500 of the big client's rows (1.0 s). Reading the matches first costs in
   * proportion to their number, which the count has just given.
   */
  fromMatches?: boolean;
};

/** Up to this many matches a PostgreSQL search's page is read from its matches (a bitmap of the search index), past it by walking the sort's index. */
const SEARCH_MATCHES_READ_FIRST = 10_000;

/** Ids of one window of rows in the query's order (pages, CSV export batches). */
async function windowIds(kind: TLedgerKind, where: Prisma.Sql, query: TLedgerQuery, window: TWindow): Promise<string[]> {
  const sort = sortOf(kind, query.sort);
  const isDescending = (query.dir === "desc") !== window.backwards;
  const dir = Prisma.raw(isDescending ? "DESC" : "ASC");
  const value = window.key && query.sort === "amount" ? BigInt(window.key.value) : window.key?.value;
  const past = window.key ? Prisma.sql` AND (${sort.sql}, "id") ${Prisma.raw(isDescending ? "<" : ">")} (${value}, ${window.key.id})` : Prisma.empty;
  // Only ids: the page is read from a (clientId, sort column, id) index alone, from the nearer end or
  // from a key (decision 010); its rows are read after.
  const rows = window.fromMatches
    ? await getDb().$queryRaw<{ id: string }[]>`
    WITH "matches" AS MATERIALIZED (SELECT "id", ${sort.sql} AS "sortValue" FROM ${name(KINDS[kind].table)} WHERE ${where}${past})
    SELECT "id" FROM "matches" ORDER BY "sortValue" ${dir}, "id" ${dir} LIMIT ${window.limit} OFFSET ${window.offset}`
    : await getDb().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM ${name(KINDS[kind].table)} WHERE ${where}${past} ORDER BY ${sort.sql} ${dir}, "id" ${dir} LIMIT ${window.limit} OFFSET ${window.offset}`;
  const ids = rows.map((row) => row.id);
  return window.backwards ? ids.reverse() : ids;
}

/** A page by its number, read from whichever end of the ordered rows is nearer. */
function offsetWindow(page: number, size: number, total: number): TWindow {
  const start = (page - 1) * size;
  const end = Math.min(start + size, total);
  return start <= total - end ? { limit: size, offset: start, backwards: false } : { limit: Math.max(0, end - start), offset: total - end, backwards: true };
}

/** The rows of these ids, in this order. */
async function rowsOf(kind: TLedgerKind, ids: string[]): Promise<TRaw[]> {
  const byId = new Map((ids.length ? await delegate(kind).findMany({ where: { id: { in: ids } } }) : []).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function productLabels(kind: TLedgerKind, clientId: string): Promise<TLedgerProductOption[]> {
  const db = getDb();
  switch (kind) {
    case "account":
      return (await db.wealthAccount.findMany({ where: { clientId }, orderBy: { iban: "asc" }, select: { iban: true, alias: true, currency: true } })).map(
        (a) => ({
          value: a.iban,
          label: a.alias && a.alias !== a.iban ? `${a.alias} · ${a.iban} (${a.currency})` : `${a.iban} (${a.currency})`,
        }),
      );
    case "card":
      return (await db.wealthCard.findMany({ where: { clientId }, orderBy: { pan: "asc" }, select: { flanksId: true, pan: true, product: true } })).map(
        (c) => ({
          value: c.flanksId,
          label: c.product ? `${c.product} · ${c.pan}` : c.pan,
        }),
      );
    case "investment":
      return (await db.wealthInvestment.findMany({ where: { clientId }, orderBy: { name: "asc" }, select: { flanksId: true, name: true, isin: true } })).map(
        (i) => ({
          value: i.flanksId,
          label: `${i.name} · ${i.isin}`,
        }),
      );
    case "liability":
      return (await db.wealthLiability.findMany({ where: { clientId }, orderBy: { name: "asc" }, select: { flanksId: true, name: true } })).map((l) => ({
        value: l.flanksId,
        label: l.name,
      }));
  }
}

function toRow(kind: TLedgerKind, raw: TRaw, labels: Map<string, string>): TLedgerRow {
  const config = KINDS[kind];
  const productId = String(raw[config.product] ?? "");
  const currency = raw.currency;
  const minor = raw[config.amount] as bigint;
  const balance = kind === "account" || kind === "liability" ? (raw.balanceMinor as bigint | null) : null;
  const balanceCurrency = kind === "liability" ? String(raw.balanceCurrency ?? currency) : currency;
  const extra = kind === "investment" || kind === "account" ? parseExtra(raw.extraJson as string | null) : null;
  const commissionMinor = (raw.commissionMinor as bigint | null | undefined) ?? null;
  return {
    id: raw.id,
    date: raw.operationDate,
    valueDate: raw.valueDate,
    description: String((kind === "card" ? raw.shop : raw.description) ?? ""),
    amount: money(minor, currency),
    balance: balance === null || balance === undefined ? null : money(balance, balanceCurrency),
    product: labels.get(productId) ?? productId,
    category: typeof raw.category === "string" ? raw.category : null,
    typeCode: typeof raw.type === "string" && raw.type !== "" ? raw.type : null,
    quantity: kind === "investment" ? String(raw.amount) : null,
    unitPrice: kind === "investment" ? String(raw.unitPrice) : null,
    commission: kind === "card" && commissionMinor !== null ? money(commissionMinor, currency) : null,
    investment: kind === "investment" && extra ? investmentTxDetails(extra, currency, commissionMinor) : null,
    counterparty: kind === "account" && extra ? transferCounterparty(extra, minor) : null,
  };
}

/**
 * One page of a client's transactions of one kind, sorted and filtered in the database. A next or
 * previous link pages from its key; when rows changed under it (the key's row gone, fewer rows
 * before it than a page), the page is read by its number instead.
 */
export async function listTransactions(actor: TActor, clientId: unknown, kind: TLedgerKind, query: TLedgerQuery): Promise<TLedgerPage> {
  const context = await getWealthContext(actor, clientId);
  const filter = await filterOf(kind, context.clientId, query);
  const key = query.after ?? query.before;
  const keyWindow = (fromMatches: boolean): TWindow => ({ limit: query.size, offset: 0, key, backwards: Boolean(query.before), fromMatches });
  // A key's page, and the first page, are read beside the count (a search's count is most of its time), except a
  // PostgreSQL search's, whose way of reading depends on the count.
  const early = filter.isPostgresSearch
    ? Promise.resolve(null)
    : key
      ? windowIds(kind, filter.where, query, keyWindow(false))
      : query.page === 1
        ? windowIds(kind, filter.where, query, { limit: query.size, offset: 0, backwards: false })
        : Promise.resolve(null);
  const [total, products, earlyIds] = await Promise.all([countRows(kind, filter), productLabels(kind, context.clientId), early]);
  const fromMatches = filter.isPostgresSearch && total <= SEARCH_MATCHES_READ_FIRST;
  const pageCount = Math.max(1, Math.ceil(total / query.size));
  let page = Math.min(query.page, pageCount);
  let ids = earlyIds ?? (key ? await windowIds(kind, filter.where, query, keyWindow(fromMatches)) : null);
  const isKeyStale = key !== undefined && ids !== null && (ids.length === 0 || (query.before !== undefined && ids.length < query.size));
  if (isKeyStale && query.before) page = 1;
  if (ids === null || isKeyStale) ids = await windowIds(kind, filter.where, query, { ...offsetWindow(page, query.size, total), fromMatches });
  const raw = await rowsOf(kind, ids);
  const labels = new Map(products.map((p) => [p.value, p.label]));
  const sort = sortOf(kind, query.sort);
  const keyOf = (row: TRaw | undefined) => (row ? { value: sort.keyOf(row), id: row.id } : null);
  return {
    context,
    rows: raw.map((r) => toRow(kind, r, labels)),
    total,
    page,
    pageCount,
    products,
    firstKey: keyOf(raw[0]),
    lastKey: keyOf(raw.at(-1)),
  };
}

/** Every row matching the filters, in the table's order, in batches (for the CSV export), each batch after the last one's key. */
export async function* iterateTransactions(
  actor: TActor,
  clientId: unknown,
  kind: TLedgerKind,
  query: TLedgerQuery,
  batchSize = 2_000,
): AsyncGenerator<TLedgerRow[]> {
  const context = await getWealthContext(actor, clientId);
  const { where } = await filterOf(kind, context.clientId, query);
  const labels = new Map((await productLabels(kind, context.clientId)).map((p) => [p.value, p.label]));
  const sort = sortOf(kind, query.sort);
  for (let key: TLedgerKey | undefined; ;) {
    const raw = await rowsOf(kind, await windowIds(kind, where, query, { limit: batchSize, offset: 0, key, backwards: false }));
    if (raw.length === 0) return;
    yield raw.map((r) => toRow(kind, r, labels));
    if (raw.length < batchSize) return;
    const last = raw.at(-1)!;
    key = { value: sort.keyOf(last), id: last.id };
  }
}
