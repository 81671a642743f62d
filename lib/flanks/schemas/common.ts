import { z } from "zod";

/**
 * Helpers shared by the endpoint schemas.
 *
 * Policy (see docs/flanks-client.md and docs/decisions/038): every object is "loose" (unknown fields
 * are kept, Flanks may add fields at any time and we store the raw JSON). A record of a data endpoint
 * requires only what identifies or values it (its `_id`, its amount or balance and their currency);
 * every other field may be null, absent or of another type, and then reads as null (a list as []):
 * the reference's nullability notes are incomplete, and one odd field must not hide a record.
 */

/** A "YYYY-MM-DD" date as sent by Flanks. Not format-checked: bank data is messy and we only display it. */
export const ZFlanksDateSchema = z.string();

/** Monetary/quantity values: the reference says float; Flanks sends JSON numbers. */
export const ZNumberSchema = z.number();

/** A text field we show but do not need: null, absent or another type reads as null ("unknown"). */
export const optString = () => z.string().nullish().catch(null);
/** A number we show but do not need (a ratio, a commission…): null, absent or another type reads as null. */
export const optNumber = () => z.number().nullish().catch(null);
export const optBoolean = () => z.boolean().nullish().catch(null);
/** `updated_at_timestamp`: seconds as a number or a string, as Flanks sends it. */
export const optTimestamp = () => z.union([z.number(), z.string()]).nullish().catch(null);

/** A nested object we do not need: anything but an object reads as null. Its own fields should be lenient too. */
export function optObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.looseObject(shape).nullish().catch(null);
}

/** A free-form object (`detail`): anything but an object reads as null. */
export const optRecord = () => z.record(z.string(), z.unknown()).nullish().catch(null);

/**
 * A list field: null, absent or not a list reads as [] (a null list means empty); elements that do
 * not match are dropped one by one, so one odd element never empties the list.
 */
export function listField<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T>[] => {
      if (!Array.isArray(value)) return [];
      const out: z.output<T>[] = [];
      for (const element of value) {
        const parsed = item.safeParse(element);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    });
}

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
  return (code: string | null | undefined): T[number] | "OTHER" => (code !== null && code !== undefined && set.has(code) ? (code as T[number]) : "OTHER");
}

/** The optional request-body fields shared by data endpoints (query engine and webhooks). */
export type TDataRequest = {
  credentials_token: string;
  /** Query Engine object (the account section says "string", the others "object"; sent as given). */
  query?: Record<string, unknown> | string;
  webhook?: Record<string, unknown> | string;
};
