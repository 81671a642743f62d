import "server-only";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/log-error";
import { isShuttingDown } from "@/lib/runtime/shutdown-state";
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

type TSchedulerState = { timers: Set<ReturnType<typeof setTimeout>>; running: Set<Promise<void>> };
const globalForScheduler = globalThis as unknown as { patrimonioScheduler?: TSchedulerState };

/**
 * Background work of the app process. Each job runs one at a time (the next tick waits for the
 * previous run) and, through leases in the database, once across several app processes and
 * instances. A failing job logs and tries again on its next tick; it never takes the server down.
 */
export function startScheduler(): void {
  if (globalForScheduler.patrimonioScheduler || getEnv().SCHEDULER === "off") return;
  const state: TSchedulerState = { timers: new Set(), running: new Set() };
  globalForScheduler.patrimonioScheduler = state;
  const schedule = (tick: () => Promise<void>, ms: number) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      void tick();
    }, ms).unref();
    state.timers.add(timer);
  };
  for (const job of JOBS) {
    const tick = async () => {
      if (isShuttingDown()) return;
      const run = job.run().then(
        () => undefined,
        (error: unknown) => logError(`job ${job.name}`, error),
      );
      state.running.add(run);
      await run;
      state.running.delete(run);
      if (job.everyMs > 0 && !isShuttingDown()) schedule(tick, job.everyMs);
    };
    schedule(tick, job.firstAfterMs);
  }
}

/**
 * Shutdown: no job starts any more; resolves when the jobs running now have finished (they stop
 * between connections once isShuttingDown() is set, so this is one connection's sync at most).
 */
export async function stopScheduler(): Promise<void> {
  const state = globalForScheduler.patrimonioScheduler;
  if (!state) return;
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  await Promise.all(state.running);
}
