// Developer tool: times one sync of a big connection, to iterate on lib/sync quickly (the benchmark
// proper is bench/run.ts). Prints wall and CPU time of the import (fetch, parse, normalize) and of
// the write, separately: on a shared machine, CPU time and a `node --cpu-prof` profile are steadier.
//   node --conditions=react-server --import tsx bench/sync-profile.ts [username]
//     in-process sandbox and scratch database, no Next.js; the sandbox's generation counts in this
//     process's CPU (before the write). ROUNDS=1,2 (default): a first sync, then a re-sync.
//   node --conditions=react-server --import tsx bench/sync-profile.ts --bench-copy
//     a FIRST sync of the big-client connection on a COPY of the benchmark's data, as bench/seed.ts
//     times it, without reseeding: that connection's rows are deleted, then it is synced again from
//     the copy's running server (env as bench/seed.ts: DATA_DIR, PORT, BENCH_TMP; start the server
//     with `next start` on the copy first). Never point it at data/bench itself.
//   PG=1 node --conditions=react-server --import tsx bench/sync-profile.ts [username]
//     the first form on a scratch PostgreSQL of its own
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import type { TSyncDeps, TSyncResult } from "@/lib/sync/sync-core";

const cpuMs = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);
const isBenchCopy = process.argv.includes("--bench-copy");
// The write starts when the import ends (beforeWrite).
let writeStartedAt = 0;
let cpuAtWrite = process.cpuUsage();
const beforeWrite = async () => {
  writeStartedAt = performance.now();
  cpuAtWrite = process.cpuUsage();
};

async function timed(round: number, sync: () => Promise<TSyncResult>): Promise<void> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const result = await sync();
  const ms = performance.now() - started;
  const total = process.cpuUsage(cpuAtStart);
  const write = process.cpuUsage(cpuAtWrite);
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      round,
      ms: Math.round(ms),
      importMs: Math.round(writeStartedAt - started),
      writeMs: Math.round(performance.now() - writeStartedAt),
      importCpuMs: cpuMs(total) - cpuMs(write),
      writeCpuMs: cpuMs(write),
      load: loadavg()
        .map((load) => load.toFixed(1))
        .join(" "),
      status: result.status,
      transactions: "counts" in result ? result.counts.accountTransactions : result,
      peakRssMb: Math.round(peak / 1e6),
    }),
  );
}

if (isBenchCopy) {
  const dataDir = process.env.DATA_DIR ?? "";
  if (dataDir === "" || /(^|\/)bench\/?$/.test(dataDir)) throw new Error("--bench-copy deletes data: set DATA_DIR to a copy of data/bench");
  const { getEnv } = await import("@/lib/env");
  const { getDb } = await import("@/lib/db");
  const { getSyncWriteDb } = await import("@/lib/sync/sync-write-db");
  const { getFlanksClient } = await import("@/lib/flanks/get-flanks-client");
  const { withLease } = await import("@/lib/db/with-lease");
  const { openToken } = await import("@/lib/crypto/credentials-token-vault");
  const { createSyncer } = await import("@/lib/sync/sync-core");
  const seed = JSON.parse(readFileSync(`${process.env.BENCH_TMP ?? "bench/tmp"}/seed.json`, "utf8")) as { bigClient: { bigConnectionId: string } };
  const connectionId = seed.bigClient.bigConnectionId;
  type TRaw = {
    prepare(sql: string): { all(...args: unknown[]): { name: string }[]; run(...args: unknown[]): unknown };
    transaction(work: () => void): () => void;
    pragma(sql: string): unknown;
    close(): void;
  };
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TRaw;
  const raw = new Database(getEnv().databaseUrl.replace(/^file:/, ""));
  // As in the seed, the timed sync is not the process's first: a first sync of another of the big
  // client's connections runs before it, so V8 has optimized the import and the write (a cold
  // process took ~2 s longer).
  const warmUpId = (
    raw
      .prepare(`SELECT id AS name FROM "Connection" WHERE "clientId" = (SELECT "clientId" FROM "Connection" WHERE id = ?) AND id <> ? ORDER BY id LIMIT 1`)
      .all(connectionId, connectionId)[0] as { name: string }
  ).name;
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'Wealth%'`).all();
  raw.transaction(() => {
    for (const { name } of tables) {
      if (!raw.prepare(`SELECT name FROM pragma_table_info(?) WHERE name = 'connectionId'`).all(name).length) continue;
      for (const id of [connectionId, warmUpId]) raw.prepare(`DELETE FROM "${name}" WHERE "connectionId" = ?`).run(id);
    }
  })();
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  const syncer = createSyncer({
    db: getDb(),
    writeDb: getSyncWriteDb(),
    flanks: getFlanksClient(),
    openCredentialsToken: (sealed, id) => openToken(sealed, "credentials_token", { rowId: id }),
    lease: withLease,
    beforeWrite,
  });
  await syncer.syncConnection(warmUpId, { reason: "first-extraction" });
  await timed(1, () => syncer.syncConnection(connectionId, { reason: "first-extraction" }));
  // The WAL was emptied above and is not truncated by the checkpoints since: its size is what the sync wrote.
  const wal = `${getEnv().databaseUrl.replace(/^file:/, "")}-wal`;
  console.log(JSON.stringify({ walMb: existsSync(wal) ? Math.round(statSync(wal).size / 1e6) : null }));
  process.exit(0);
}

const { createFlanksClient } = await import("@/lib/flanks");
const { startSandboxServer } = await import("@/lib/flanks/test/start-sandbox-server");
const { createSyncer } = await import("@/lib/sync/sync-core");
const { createTestDatabase, memoryLease } = await import("@/lib/sync/test/test-database");

const username = process.argv[2] ?? "profile.years=10.big";
let clock = Date.parse("2026-06-30T10:00:00Z");
const server = await startSandboxServer({ now: () => clock });
// PG=1: the same on a scratch PostgreSQL (started here on BENCH_PG_PORT + 1, default 5445, deleted at the end).
const postgresServer = process.env.PG === "1" ? await startScratchPostgres() : null;
const database = await createTestDatabase({ wal: process.env.WAL !== "off", postgres: postgresServer?.run });
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
const deps: TSyncDeps = {
  db,
  writeDb: database.writeDb,
  flanks,
  openCredentialsToken: (sealed) => sealed,
  lease: memoryLease(),
  now: () => new Date(clock),
  beforeWrite,
};
const syncer = createSyncer(deps);
for (const round of (process.env.ROUNDS ?? "1,2").split(",").map(Number)) {
  await timed(round, () => syncer.syncConnection(connection.id, { reason: "manual" }));
}
await database.close();
await server.close();
await postgresServer?.stop();
process.exit(0);

async function startScratchPostgres() {
  const { startPostgresServer } = await import("../scripts/lib/postgres-server");
  const { applyPostgresMigrations } = await import("../scripts/lib/migrate-postgres");
  const pgServer = await startPostgresServer({ port: Number(process.env.BENCH_PG_PORT ?? 5444) + 1, dataDir: "data/sync-profile-postgres" });
  await applyPostgresMigrations(await pgServer.createDatabase({ name: "profile_template" }), { quiet: true });
  return { run: { adminUrl: pgServer.urlOf("postgres"), template: "profile_template" }, stop: () => pgServer.stop() };
}
