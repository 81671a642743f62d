import { z } from "zod";

/**
 * Helpers shared by the endpoint schemas.
 *
 * Policy (see docs/flanks-client.md): every object is "loose" (unknown fields are kept, Flanks may add
 * fields at any time and we store the raw JSON); fields the reference marks "*Can be null" are
 * `.nullish()` (null or absent); documented fields without the mark are required and typed.
 * Fields that appear only in a field list (not in the example JSON) are optional, since the example is
 * what Flanks actually sends by default.
 */

/** A "YYYY-MM-DD" date as sent by Flanks. Not format-checked: bank data is messy and we only display it. */
export const ZFlanksDateSchema = z.string();

/** Monetary/quantity values: the reference says float; Flanks sends JSON numbers. */
export const ZNumberSchema = z.number();

/**
 * A few sections show a single object as their example where the API answers a list
 * (accounts, account transactions, investment transactions, identity). Lenient in what we accept:
 * a single object is normalised to a one-element list; field paths then read `[0].field`.
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) || value === null || typeof value !== "object" ? value : [value]), z.array(item));
}

/** Keeps an unknown enumeration value as the raw string and maps it to "OTHER" for display. */
export function enumOrOther<const T extends readonly string[]>(known: T) {
  const set = new Set<string>(known);
  return (code: string | null | undefined): T[number] | "OTHER" =>
    code !== null && code !== undefined && set.has(code) ? (code as T[number]) : "OTHER";
}

/** The optional request-body fields shared by data endpoints (query engine and webhooks). */
export type TDataRequest = {
  credentials_token: string;
  /** Query Engine object (the account section says "string", the others "object"; sent as given). */
  query?: Record<string, unknown> | string;
  webhook?: Record<string, unknown> | string;
};
