// Developer tool: times one sync of a big connection against an in-process sandbox and a scratch
// database (no Next.js involved), to iterate on lib/sync quickly. The benchmark proper is bench/run.ts.
//   node --conditions=react-server --import tsx bench/sync-profile.ts [username]
import { loadavg } from "node:os";
import { createFlanksClient } from "@/lib/flanks";
import { startSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createSyncer } from "@/lib/sync/sync-core";
import { createTestDatabase, memoryLease } from "@/lib/sync/test/test-database";

const username = process.argv[2] ?? "profile.years=10.big";
let clock = Date.parse("2026-06-30T10:00:00Z");
const server = await startSandboxServer({ now: () => clock });
const database = await createTestDatabase({ wal: process.env.WAL !== "off" });
const flanks = createFlanksClient({ apiUrl: server.apiUrl, clientId: server.clientId, clientSecret: server.clientSecret, timeoutMs: 60_000 });
const created = await fetch(`${server.apiUrl}/_control/credentials`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ bank: "banco-meseta", username, password: "healthy-pass" }),
});
const { code } = (await created.json()) as { code: string };
const exchanged = await flanks.exchangeLinkCode(code);
if (exchanged.kind !== "exchanged") throw new Error("delayed");
clock += 60_000;
const { db } = database;
const advisor = await db.user.create({ data: { email: "a@test", name: "A", passwordHash: "x" } });
const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
const connection = await db.connection.create({
  data: { clientId: client.id, bank: "banco-meseta", linkToken: "l", credentialsTokenEnc: exchanged.credentials_token, state: "READY", pending: false },
});
// The write starts when the import ends (beforeWrite); its CPU time is this process's, the sandbox's included before it.
let writeStartedAt = 0;
let cpuAtWrite = process.cpuUsage();
const syncer = createSyncer({
  db,
  writeDb: database.writeDb,
  flanks,
  openCredentialsToken: (sealed) => sealed,
  lease: memoryLease(),
  now: () => new Date(clock),
  beforeWrite: async () => {
    writeStartedAt = performance.now();
    cpuAtWrite = process.cpuUsage();
  },
});
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
for (const round of (process.env.ROUNDS ?? "1,2").split(",").map(Number)) {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const result = await syncer.syncConnection(connection.id, { reason: "manual" });
  const ms = performance.now() - started;
  const importCpu = process.cpuUsage(cpuAtStart);
  const writeCpu = process.cpuUsage(cpuAtWrite);
  const cpuMs = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);
  console.log(
    JSON.stringify({
      round,
      ms: Math.round(ms),
      importMs: Math.round(writeStartedAt - started),
      writeMs: Math.round(performance.now() - writeStartedAt),
      cpuMs: cpuMs(importCpu),
      writeCpuMs: cpuMs(writeCpu),
      load: loadavg()[0]?.toFixed(1),
      status: result.status,
      transactions: "counts" in result ? result.counts.accountTransactions : result,
      peakRssMb: Math.round(peak / 1e6),
    }),
  );
}
clearInterval(sampler);
await database.close();
await server.close();
process.exit(0);
