// The production server: `next start` in WEB_CONCURRENCY worker processes sharing one port
// (node:cluster), and in sandbox mode the one sandbox they all use. Run by `npm start`
// (scripts/start.ts), the e2e server and the benchmark, so all three measure the same thing.
// Usage: node --import tsx scripts/serve.ts [--host 127.0.0.1]. See docs/decisions/034-server-processes.md.
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { loadEnv } from "../lib/config/load-env";
import { DRAIN_MESSAGE, isDrainedMessage } from "../lib/runtime/shutdown-state";
import { BIN } from "./lib/run";
import { startSandboxBeside } from "./lib/start-sandbox-beside";

/**
 * V8 flags of each worker (the memory budget is per machine: summed over the workers). Below V8's
 * default limit (~4 GB here) the old space also grows by ×1.3–1.5 of the live heap instead of up to
 * ×4, so a worker's heap follows what it keeps (~60 MB) instead of the garbage of its busiest second;
 * 320 MB is twice the peak of re-syncing the 100 000-transaction connection in one process. The
 * price is ~4× more full GCs (more CPU per request): docs/decisions/035-server-memory.md.
 */
const WORKER_NODE_FLAGS: string[] = ["--max-old-space-size=320"];

/**
 * How long an idle keep-alive connection stays open. Node's 5 s races any client that keeps
 * connections longer without a timer of its own (a proxy's upstream pool, Playwright's request
 * contexts): the client reuses the socket as the server closes it and gets ECONNRESET, which failed
 * a CI run. Longer than the usual proxy idle timeout (60 s) so the client always closes first:
 * docs/decisions/036-keep-alive.md.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

const env = loadEnv();
const hostIndex = process.argv.indexOf("--host");
const host = hostIndex > 0 ? process.argv[hostIndex + 1] : undefined;
// One by default: the memory budget (600 MB) holds one worker, not two (docs/decisions/034).
const workers = Math.max(1, Math.min(env.WEB_CONCURRENCY ?? 1, availableParallelism()));
const workerEnv: NodeJS.ProcessEnv = { ...process.env };

// Sandbox mode: the sandbox's state (issued tokens, link codes, its one valid access token) must
// live in one process, so it is served here and every worker forwards /sandbox to it. Outside
// sandbox mode its code is not loaded at all (docs/decisions/044-sandbox-outside-the-build.md).
const sandbox = await startSandboxBeside(env);
Object.assign(workerEnv, sandbox?.serverEnv);

cluster.setupPrimary({
  exec: BIN.next,
  args: ["start", "-p", String(env.PORT), "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS), ...(host ? ["-H", host] : [])],
  execArgv: WORKER_NODE_FLAGS,
});

let stopping = false;
const startedAt = new Map<number, number>();
const quickDeaths = { count: 0 };

/** The background jobs run in the first worker only: they are behind database leases anyway, but N pollers would only add load. */
function fork(index: number): Worker {
  const worker = cluster.fork({ ...workerEnv, SCHEDULER: index === 0 ? env.SCHEDULER : "off" });
  startedAt.set(worker.id, Date.now());
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    // A worker that dies right after starting (bad build, port taken) would die again: give up after a few.
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < 10_000 && ++quickDeaths.count >= 3) {
      console.error(`server worker exited (${code ?? signal}) three times on start; stopping`);
      void stop("SIGTERM", 1);
      return;
    }
    console.error(`server worker ${index} exited (${code ?? signal}); starting another`);
    fork(index);
  });
  return worker;
}

for (let index = 0; index < workers; index++) fork(index);

/** How long the primary waits for a worker to drain (its jobs get SHUTDOWN_GRACE_MS: lib/jobs/graceful-shutdown.ts). */
const DRAIN_WAIT_MS = env.SHUTDOWN_GRACE_MS + 2_000;

/** Asks a worker to stop its jobs and release its leases; resolves when it answered, exited, or took too long. */
function drainWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", done);
      resolve();
    };
    const onMessage = (message: unknown) => {
      if (!isDrainedMessage(message)) return;
      if (message.released.length) console.log(`server worker ${worker.id} released leases: ${message.released.join(", ")}`);
      done();
    };
    const timer = setTimeout(done, DRAIN_WAIT_MS);
    worker.on("message", onMessage);
    worker.on("exit", done);
    if (worker.isConnected()) worker.send(DRAIN_MESSAGE);
    else done();
  });
}

/**
 * Graceful stop (decision 049): each worker first drains (health 503, no new job, running jobs
 * finish or their leases are released so another instance takes them at once), then gets the
 * signal, on which Next stops accepting connections, finishes the requests in flight and exits.
 */
async function stop(signal: NodeJS.Signals, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  const alive = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
  await Promise.all(alive().map(drainWorker));
  const workersLeft = alive();
  let left = workersLeft.length;
  const done = () => {
    sandbox?.close();
    process.exit(exitCode);
  };
  if (left === 0) done();
  for (const worker of workersLeft) {
    worker.on("exit", () => --left === 0 && done());
    worker.process.kill(signal);
  }
  // Next closes its server on SIGTERM; do not wait forever for a stuck worker.
  setTimeout(() => {
    for (const worker of workersLeft) if (!worker.isDead()) worker.process.kill("SIGKILL");
  }, 10_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
