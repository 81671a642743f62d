import "server-only";
import { stopScheduler } from "@/lib/jobs/scheduler";
import { releaseHeldLeases } from "@/lib/db/with-lease";
import { getEnv } from "@/lib/env";
import { DRAIN_MESSAGE, DRAINED_MESSAGE, markShuttingDown, type TDrainedMessage } from "@/lib/runtime/shutdown-state";

let draining: Promise<string[]> | undefined;

/**
 * Stops taking background work: /api/health answers 503 from now on, no job starts, the running
 * ones stop between connections and get SHUTDOWN_GRACE_MS to finish, then every lease this process still
 * holds is released, so another instance takes the work at once (decision 049). SHUTDOWN_GRACE_MS
 * (10 s): enough for one connection's sync, which is all a job has left once it stops between connections.
 */
export function drain(): Promise<string[]> {
  draining ??= (async () => {
    markShuttingDown();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([stopScheduler(), new Promise((resolve) => (timer = setTimeout(resolve, getEnv().SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    return releaseHeldLeases();
  })();
  return draining;
}

const installed = globalThis as unknown as { patrimonioGracefulShutdown?: boolean };

/**
 * Under scripts/serve.ts (npm start) the primary sends DRAIN_MESSAGE first and SIGTERM once the
 * worker answered, so Next's own SIGTERM handling (close the server, finish requests, exit) starts
 * after the jobs are done. Under a bare `next start`, SIGTERM drains beside Next's close, best effort.
 */
export function installGracefulShutdown(): void {
  if (installed.patrimonioGracefulShutdown) return;
  installed.patrimonioGracefulShutdown = true;
  process.on("message", (message) => {
    if (message !== DRAIN_MESSAGE) return;
    void drain().then((released) => process.send?.({ kind: DRAINED_MESSAGE, released } satisfies TDrainedMessage));
  });
  process.once("SIGTERM", () => void drain());
}
