import "server-only";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/log-error";
import { runDailySync } from "@/lib/sync/run-daily-sync";
import { anchorAuditLog, AUDIT_ANCHOR_EVERY_MS } from "./audit-anchor-job";
import { syncConnection } from "@/lib/sync/sync-connection";
import { pollPendingConnections, reconcileInBackground, sweepConnectionStatuses } from "./connection-jobs";
import { ensureDemoConnections } from "./demo-connections";
import { FX_RATES_EVERY_MS, refreshFxRates } from "./fx-rates-job";

const onNewData = (connectionId: string) => syncConnection(connectionId, { reason: "new-data" });

type TJob = { name: string; everyMs: number; firstAfterMs: number; run: () => Promise<unknown> };

const JOBS: TJob[] = [
  { name: "demo-connections", everyMs: 0, firstAfterMs: 3_000, run: ensureDemoConnections },
  { name: "poll-pending", everyMs: 3_000, firstAfterMs: 4_000, run: () => pollPendingConnections(onNewData) },
  { name: "reconcile-link-codes", everyMs: 10 * 60_000, firstAfterMs: 30_000, run: reconcileInBackground },
  { name: "sweep-statuses", everyMs: 30 * 60_000, firstAfterMs: 60_000, run: () => sweepConnectionStatuses(onNewData) },
  { name: "daily-sync", everyMs: 60 * 60_000, firstAfterMs: 5 * 60_000, run: runDailySync },
  { name: "fx-rates", everyMs: FX_RATES_EVERY_MS, firstAfterMs: 2_000, run: () => refreshFxRates() },
  { name: "audit-anchor", everyMs: AUDIT_ANCHOR_EVERY_MS, firstAfterMs: 20_000, run: anchorAuditLog },
];

const globalForScheduler = globalThis as unknown as { patrimonioScheduler?: boolean };

/**
 * Background work of the app process. Each job runs one at a time (the next tick waits for the
 * previous run) and, through leases in the database, once across several app processes. A failing
 * job logs and tries again on its next tick; it never takes the server down.
 */
export function startScheduler(): void {
  if (globalForScheduler.patrimonioScheduler || getEnv().SCHEDULER === "off") return;
  globalForScheduler.patrimonioScheduler = true;
  for (const job of JOBS) {
    const tick = async () => {
      try {
        await job.run();
      } catch (error) {
        logError(`job ${job.name}`, error);
      }
      if (job.everyMs > 0) setTimeout(tick, job.everyMs).unref();
    };
    setTimeout(tick, job.firstAfterMs).unref();
  }
}
