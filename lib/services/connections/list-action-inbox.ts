import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { CONNECTION_SUMMARY_SELECT, latestSyncRuns, toConnectionSummary, type TConnectionSummary } from "@/lib/connections/connection-dto";
import { STATE_URGENCY } from "@/lib/sync/connection-state";

export const ACTION_STATES = ["BLOCKED", "NEEDS_SCA", "ERROR", "PARTIAL"] as const;

export type TInboxItem = TConnectionSummary & { clientName: string };

/** Every connection of the actor's clients that needs something, most urgent first, oldest problem first. */
export async function listActionInbox(actor: TActor): Promise<TInboxItem[]> {
  const db = getDb();
  const rows = await db.connection.findMany({
    where: { state: { in: [...ACTION_STATES] }, client: { ...clientScope(actor), archived: false } },
    select: { ...CONNECTION_SUMMARY_SELECT, client: { select: { displayName: true } } },
    take: 500,
  });
  const runs = await latestSyncRuns(db, rows.map((row) => row.id));
  return rows
    .map((row) => ({ ...toConnectionSummary(row, runs.get(row.id)), clientName: row.client.displayName }))
    .sort((a, b) => STATE_URGENCY[a.state] - STATE_URGENCY[b.state] || a.stateSince.localeCompare(b.stateSince));
}
