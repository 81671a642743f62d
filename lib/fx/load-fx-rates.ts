import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { FxRates } from "./fx-rates";

/**
 * Fixings are missing at weekends and on TARGET holidays (at most four days in a row, at Easter):
 * a look-back covers the day before the first one asked for.
 */
const LOOK_BACK_DAYS = 10;

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The stored rates of `currencies` from `sinceDay` on (default: the newest fixing of each), read
 * once per request (React `cache`, keyed by the arguments as text): a page converts every figure
 * with one query's rows.
 */
export const loadFxRates = cache(async (currenciesKey: string, sinceDay: string | null): Promise<FxRates> => {
  const currencies = currenciesKey.split(",").filter((code) => code !== "" && code !== "EUR");
  if (currencies.length === 0) return new FxRates([]);
  const db = getDb();
  const newest = await db.fxRate.findFirst({ where: { currency: { in: currencies } }, orderBy: { day: "desc" }, select: { day: true } });
  if (!newest) return new FxRates([]);
  const from = dayBefore(sinceDay !== null && sinceDay < newest.day ? sinceDay : newest.day, LOOK_BACK_DAYS);
  const rows = await db.fxRate.findMany({ where: { currency: { in: currencies }, day: { gte: from } }, select: { day: true, currency: true, perEuro: true } });
  return new FxRates(rows);
});

/** The argument of loadFxRates: the currencies as one sorted key, so equal sets share the request's cache entry. */
export function currenciesKey(currencies: Iterable<string>): string {
  return [...new Set(currencies)].sort().join(",");
}

/** Every currency with a stored rate, EUR first: the choices of the base-currency setting. */
export async function listRateCurrencies(): Promise<string[]> {
  const rows = await getDb().fxRate.findMany({ distinct: ["currency"], select: { currency: true }, orderBy: { currency: "asc" } });
  return ["EUR", ...rows.map((row) => row.currency).filter((code) => code !== "EUR")];
}
