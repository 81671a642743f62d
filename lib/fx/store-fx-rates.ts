import "server-only";
import { getDb } from "@/lib/db";
import type { TFxRateRow } from "./fx-rates";

/**
 * Stores fetched rates: new (day, currency) rows are added, a rate the source changed is replaced
 * (the ECB corrects a fixing now and then), nothing is ever deleted. Returns how many rows changed.
 */
export async function storeFxRates(rows: readonly TFxRateRow[], source: string): Promise<number> {
  if (rows.length === 0) return 0;
  const db = getDb();
  const firstDay = rows.reduce((min, row) => (row.day < min ? row.day : min), rows[0]!.day);
  const stored = await db.fxRate.findMany({ where: { day: { gte: firstDay } }, select: { day: true, currency: true, perEuro: true } });
  const known = new Map(stored.map((row) => [`${row.day}|${row.currency}`, row.perEuro]));
  const fresh = new Map<string, TFxRateRow>();
  for (const row of rows) if (known.get(`${row.day}|${row.currency}`) !== row.perEuro) fresh.set(`${row.day}|${row.currency}`, row);
  const added = [...fresh.values()].filter((row) => !known.has(`${row.day}|${row.currency}`));
  const changed = [...fresh.values()].filter((row) => known.has(`${row.day}|${row.currency}`));
  await db.$transaction([
    db.fxRate.createMany({ data: added.map((row) => ({ ...row, source })) }),
    ...changed.map((row) =>
      db.fxRate.update({ where: { day_currency: { day: row.day, currency: row.currency } }, data: { perEuro: row.perEuro, source, fetchedAt: new Date() } }),
    ),
  ]);
  return fresh.size;
}
