// In a fresh process with no access token stored: 20 syncs started at once must ask Flanks for ONE token;
// then the big-client connection is synced again, timed, with this process's peak memory.
//   node --conditions=react-server --import tsx bench/sync-probe.ts   (env as bench/seed.ts; run by bench/run.ts)
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

const { getEnv } = await import("../lib/env");
const { syncConnection } = await import("../lib/sync/sync-connection");

const seed = JSON.parse(readFileSync(`${process.env.BENCH_TMP ?? "bench/tmp"}/seed.json`, "utf8")) as {
  bigAdvisorConnectionIds: string[];
  bigClient: { bigConnectionId: string };
};
const api = getEnv().flanksApiUrl;
const counters = async () => (await (await fetch(`${api}/_control/counters`)).json()) as { counts: Record<string, number>; total: number };

// The one access token every instance shares lives in the database (decision 049): without it, as on a first start.
const { getDb } = await import("../lib/db");
await getDb().flanksAccessToken.deleteMany();
await fetch(`${api}/_control/counters/reset`, { method: "POST" });
const ids = seed.bigAdvisorConnectionIds.slice(0, 20);
let t = performance.now();
const results = await Promise.all(ids.map((id) => syncConnection(id, { reason: "manual" })));
const concurrentMs = Math.round(performance.now() - t);
const after = await counters();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
t = performance.now();
const cpuBefore = process.cpuUsage();
const big = await syncConnection(seed.bigClient.bigConnectionId, { reason: "manual" });
const resyncMs = Math.round(performance.now() - t);
// This process's CPU (fetch, parse, normalize, write; the sandbox runs in the server): on a shared machine, steadier than wall time.
const resyncCpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);

console.log(
  JSON.stringify({
    concurrentSyncs: ids.length,
    concurrentStatuses: results.map((r) => r.status).reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
    concurrentMs,
    tokenRequests: after.counts["POST v0/token"] ?? 0,
    flanksRequests: after.total,
    bigResyncMs: resyncMs,
    bigResyncStatus: big.status,
    bigResyncPeakRssMb: Math.round(peakRss / 1e6),
    bigResyncCpuMs: Math.round((resyncCpu.user + resyncCpu.system) / 1000),
    loadAverage: loadavg()
      .map((load) => load.toFixed(1))
      .join(" "),
  }),
);
process.exit(0);
