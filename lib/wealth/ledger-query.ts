import { z } from "zod";
import { parseUserAmount } from "./decimal";

/** The four transaction tables of a client; each is paged, sorted and filtered on the server. */
export const LEDGER_KINDS = ["account", "card", "investment", "liability"] as const;
export type TLedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_SORTS = ["date", "valueDate", "amount", "description"] as const;
export type TLedgerSort = (typeof LEDGER_SORTS)[number];
export const LEDGER_PAGE_SIZES = [25, 50, 100] as const;

export type TLedgerQuery = {
  page: number;
  size: (typeof LEDGER_PAGE_SIZES)[number];
  sort: TLedgerSort;
  dir: "asc" | "desc";
  /** Account IBAN, card id, investment id or liability id. */
  product?: string;
  from?: string;
  to?: string;
  /** Exact decimal strings. */
  min?: string;
  max?: string;
  q?: string;
  /**
   * Keyset paging (next and previous links): the sort value and id of the row the page starts after,
   * or ends before, in the query's order. `page` still says which page that is, for display.
   */
  after?: TLedgerKey;
  before?: TLedgerKey;
};

/** Where a page starts or ends: a row's sort value (text; minor units for amounts) and its id. */
export type TLedgerKey = { value: string; id: string };

/** A key in the URL: the value in base64url (descriptions are any text), a dot, the row's id. */
export function encodeLedgerKey(key: TLedgerKey): string {
  return `${Buffer.from(key.value, "utf8").toString("base64url")}.${key.id}`;
}

const ZLedgerKeySchema = z
  .string()
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{1,64}$/)
  .transform((text) => {
    const dot = text.indexOf(".");
    return { value: Buffer.from(text.slice(0, dot), "base64url").toString("utf8"), id: text.slice(dot + 1) };
  });

/** A key read back for this sort: amounts are whole minor units, so anything else cannot be one. */
function parseLedgerKey(text: string, sort: TLedgerSort): TLedgerKey | null {
  const parsed = ZLedgerKeySchema.safeParse(text);
  if (!parsed.success) return null;
  if (sort === "amount" && !/^-?\d{1,20}$/.test(parsed.data.value)) return null;
  return parsed.data;
}

/** A parameter that was ignored, and why: shown to the user as a cleared filter. */
export type TLedgerProblem = { field: keyof TLedgerQuery; value: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const ZRawSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/**
 * Reads the table's URL parameters. Nothing here throws: a parameter that is unknown or malformed
 * (a column that does not exist, 2025-02-30, "abc" as an amount) is dropped and reported, so the
 * page shows the table without that filter and says so; the CSV route answers 400 instead.
 */
export function parseLedgerQuery(raw: unknown): { query: TLedgerQuery; problems: TLedgerProblem[] } {
  const input = ZRawSchema.safeParse(raw ?? {});
  const params = input.success ? input.data : {};
  const problems: TLedgerProblem[] = [];
  const query: TLedgerQuery = { page: 1, size: 50, sort: "date", dir: "desc" };

  const page = first(params.page);
  if (page !== undefined) {
    const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(page);
    if (parsed.success) query.page = parsed.data;
    else problems.push({ field: "page", value: page });
  }
  const size = first(params.size);
  if (size !== undefined) {
    const parsed = z.coerce
      .number()
      .pipe(z.union(LEDGER_PAGE_SIZES.map((n) => z.literal(n))))
      .safeParse(size);
    if (parsed.success) query.size = parsed.data;
    else problems.push({ field: "size", value: size });
  }
  const sort = first(params.sort);
  if (sort !== undefined) {
    const parsed = z.enum(LEDGER_SORTS).safeParse(sort);
    if (parsed.success) query.sort = parsed.data;
    else problems.push({ field: "sort", value: sort });
  }
  const dir = first(params.dir);
  if (dir !== undefined) {
    const parsed = z.enum(["asc", "desc"]).safeParse(dir);
    if (parsed.success) query.dir = parsed.data;
    else problems.push({ field: "dir", value: dir });
  }
  for (const field of ["from", "to"] as const) {
    const value = first(params[field]);
    if (value === undefined) continue;
    if (isCalendarDate(value)) query[field] = value;
    else problems.push({ field, value });
  }
  for (const field of ["min", "max"] as const) {
    const value = first(params[field]);
    if (value === undefined) continue;
    const amount = parseUserAmount(value);
    if (amount !== null) query[field] = amount;
    else problems.push({ field, value });
  }
  const product = first(params.product);
  if (product !== undefined) {
    if (product.length <= 200) query.product = product;
    else problems.push({ field: "product", value: product.slice(0, 20) });
  }
  const q = first(params.q);
  if (q !== undefined) query.q = q.slice(0, 100);
  for (const field of ["after", "before"] as const) {
    const value = first(params[field]);
    if (value === undefined) continue;
    const key = parseLedgerKey(value, query.sort);
    // Our links carry one of the two; a second is reported and ignored.
    if (key && !query.after && !query.before) query[field] = key;
    else problems.push({ field, value: value.slice(0, 20) });
  }
  if (query.from && query.to && query.from > query.to) {
    problems.push({ field: "to", value: query.to });
    delete query.to;
  }
  return { query, problems };
}

/**
 * The URL query string of a ledger query (defaults left out), with changes applied. A page's keys
 * are never carried over: only a link given one in `changes` (next, previous) pages by key.
 */
export function ledgerSearch(query: TLedgerQuery, changes: Partial<TLedgerQuery> = {}): string {
  const merged = { ...query, after: undefined, before: undefined, ...changes };
  const params = new URLSearchParams();
  if (merged.page !== 1) params.set("page", String(merged.page));
  if (merged.size !== 50) params.set("size", String(merged.size));
  if (merged.sort !== "date") params.set("sort", merged.sort);
  if (merged.dir !== "desc") params.set("dir", merged.dir);
  for (const key of ["product", "from", "to", "min", "max", "q"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  if (merged.after) params.set("after", encodeLedgerKey(merged.after));
  if (merged.before) params.set("before", encodeLedgerKey(merged.before));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The FTS5 query of a text filter (migration 0006): every word of `q` must start a word of the row's
 * text, in any order, case and accents ignored ("recibo luz" finds "RECIBO LUZ IBERDROLA", "martin"
 * finds "MARTÍN"). Words are split as the index's unicode61 tokenizer splits them and each is quoted,
 * so no user input is read as FTS syntax (AND, NEAR, column filters, a bare "*").
 * null: `q` has no letter or digit, so it can match no indexed word.
 */
export function textSearchMatch(q: string): string | null {
  const words = q
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  return words.length ? words.map((word) => `"${word}"*`).join(" ") : null;
}
