import "server-only";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";

export type TRefusedLinkAttempts = { day: string; reason: string; count: number }[];

/** The last days' counts, newest first, for the reconciliation page. */
export async function listRefusedLinkAttempts(actor: TActor, days = 7): Promise<TRefusedLinkAttempts> {
  assertAdmin(actor);
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const rows = await getDb().refusedLinkAttempt.findMany({ where: { day: { gte: since } }, orderBy: [{ day: "desc" }, { reason: "asc" }] });
  return rows.map((row) => ({ day: row.day, reason: row.reason, count: row.count }));
}
