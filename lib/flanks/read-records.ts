import type { z } from "zod";
import { contractIssuesOf, FlanksContractError, type TContractIssue } from "./errors";

/**
 * One record of an answer that could not be read (it lacks what identifies or values it), set aside
 * instead of failing its siblings (issue 15). `record` is a redacted copy for the admin console:
 * see `redactSetAsideRecord`.
 */
export type TSetAsideRecord = {
  /** Position in the answer (in the page, for paged endpoints). */
  index: number;
  /** The record's `_id` when it is a string or a number (never for identity, whose `_id` is the credentials token). */
  recordId: string | null;
  issues: TContractIssue[];
  record: unknown;
};

/** A list answer read record by record: `received` counts every element, read or set aside. */
export type TRecordList<T> = { records: T[]; setAside: TSetAsideRecord[]; received: number; firstId: unknown };

export type TReadOptions = {
  /** The answer's records carry a secret `_id` (identity: it is the credentials token). */
  isIdSecret?: boolean;
  /** Extra redaction of what we did not write (tokens known to the client). */
  redact?: (value: unknown) => unknown;
};

/**
 * Reads a list answer element by element with a lenient record schema. The answer itself must be a
 * list (a single object, as some of the reference's examples show, reads as a one-element list);
 * anything else is an unreadable answer: a FlanksContractError, which fails that product only.
 */
export function readRecords<T>(endpoint: string, root: string, value: unknown, schema: z.ZodType<T>, options: TReadOptions = {}): TRecordList<T> {
  const list = Array.isArray(value) ? value : value !== null && typeof value === "object" ? [value] : null;
  if (list === null)
    throw new FlanksContractError(endpoint, [
      { path: root, message: value === null ? "expected a list, received null" : `expected a list, received ${typeof value}` },
    ]);
  const records: T[] = [];
  const setAside: TSetAsideRecord[] = [];
  for (let index = 0; index < list.length; index += 1) {
    const element: unknown = list[index];
    const parsed = schema.safeParse(element);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    const id = element !== null && typeof element === "object" ? (element as Record<string, unknown>)._id : undefined;
    setAside.push({
      index,
      recordId: !options.isIdSecret && (typeof id === "string" || typeof id === "number") ? String(id).slice(0, 200) : null,
      issues: contractIssuesOf(`${root}[${index}]`, parsed.error),
      record: redactSetAsideRecord(options.redact ? options.redact(element) : element, options.isIdSecret === true),
    });
  }
  const first: unknown = list[0];
  const firstId = first !== null && typeof first === "object" ? (first as Record<string, unknown>)._id : undefined;
  return { records, setAside, received: list.length, firstId };
}

/**
 * Text fields whose value helps an admin find the record at the bank and is not about a person:
 * ids, codes, currencies, dates of operations. Every other text (names, IBANs, descriptions,
 * addresses, holders, identity documents) is kept as its length only: the admin console shows what
 * was wrong with a record, not whose it is (docs/decisions/038).
 */
const KEPT_TEXT_FIELDS = new Set([
  "_id",
  "external_id",
  "portfolio_id",
  "investment_id",
  "card_id",
  "liability_id",
  "product_id",
  "transaction_id",
  "pair_transaction_id",
  "order_id",
  "entity",
  "type",
  "sybtype",
  "subtype",
  "cardType",
  "isin",
  "cusip",
  "symbol",
  "market",
  "operating_market",
  "country",
  "currency",
  "currencyAmount",
  "currencyBalance",
  "originalCurrency",
  "referenceCurrency",
  "initialCapitalCurrency",
  "symb",
  "operationDate",
  "valueDate",
  "initial_date",
  "valuation_date",
  "expiration_date",
  "openingDate",
  "expirationDate",
  "emissionDate",
  "category",
  "flanks_category",
  "periodicity",
  "question",
]);
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;
const MAX_TEXT = 120;

/**
 * The stored copy of a set-aside record: its shape (every key, the type of every value), numbers and
 * booleans as sent, the text of KEPT_TEXT_FIELDS only, nested values down to a few levels.
 */
export function redactSetAsideRecord(value: unknown, isIdSecret = false, key: string | null = null, depth = 0): unknown {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") {
    const isKept = key !== null && KEPT_TEXT_FIELDS.has(key) && !(isIdSecret && key === "_id");
    return isKept ? value.slice(0, MAX_TEXT) : `[text, ${value.length} characters]`;
  }
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[list of ${value.length}]` : "[object]";
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((item) => redactSetAsideRecord(item, isIdSecret, key, depth + 1));
    return value.length > MAX_ITEMS ? [...shown, `[${value.length - MAX_ITEMS} more]`] : shown;
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [field, nested] of Object.entries(value as Record<string, unknown>).slice(0, 100))
      out[field] = redactSetAsideRecord(nested, isIdSecret, field, depth + 1);
    return out;
  }
  return `[${typeof value}]`;
}
