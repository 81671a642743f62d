import "server-only";
import { getDb } from "@/lib/db";
import { withLease } from "@/lib/db/with-lease";
import { isShuttingDown } from "@/lib/runtime/shutdown-state";
import { syncConnection } from "./sync-connection";

export type TDailySyncResult =
  { status: "done"; considered: number; synced: number; partial: number; failed: number; skipped: number; upToDate: number } | { status: "already-running" };

/** A connection synced this recently with the same Flanks last_update is not fetched again. */
const FRESH_MS = 20 * 60 * 60_000;
/** The lease is renewed while the run goes on (lib/jobs/with-lease.ts): this is how long a crashed run blocks the next, not how long a run may take. */
const DAILY_LEASE_MS = 10 * 60_000;

/**
 * Syncs every connection with credentials whose data may have changed, one after the other
 * (Flanks rate limits; SQLite has one writer). One run at a time across processes (a DB lease);
 * safe to call from a timer in every app process and from cron (`npm run sync`).
 */
export async function runDailySync(): Promise<TDailySyncResult> {
  const result = await withLease("sync:daily", DAILY_LEASE_MS, async () => {
    const db = getDb();
    const connections = await db.connection.findMany({
      where: { credentialsTokenEnc: { not: null }, pending: false, state: { notIn: ["VERIFYING", "ERROR"] } },
      select: { id: true, lastUpdate: true, wealthSyncState: { select: { lastSyncedAt: true, dataAsOf: true } } },
      orderBy: { createdAt: "asc" },
    });
    const counts = { considered: connections.length, synced: 0, partial: 0, failed: 0, skipped: 0, upToDate: 0 };
    for (const connection of connections) {
      // Shutting down: stop between connections; the synced ones are fresh, another instance's run does the rest.
      if (isShuttingDown()) break;
      const state = connection.wealthSyncState;
      const isFresh = state && Date.now() - state.lastSyncedAt.getTime() < FRESH_MS && state.dataAsOf === connection.lastUpdate;
      if (isFresh) {
        counts.upToDate += 1;
        continue;
      }
      const outcome = await syncConnection(connection.id, { reason: "daily" });
      if (outcome.status === "SUCCEEDED") counts.synced += 1;
      else if (outcome.status === "PARTIAL") counts.partial += 1;
      else if (outcome.status === "FAILED") counts.failed += 1;
      else counts.skipped += 1;
    }
    return { status: "done" as const, ...counts };
  });
  return result ?? { status: "already-running" };
}
