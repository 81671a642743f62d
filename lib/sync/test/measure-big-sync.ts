// Times the first sync of a 100 000-transaction connection (a `...big` username) against an in-process
// sandbox, into a fresh database: what per-record parsing costs the benchmark's first sync.
//   node --conditions=react-server --import tsx lib/sync/test/measure-big-sync.ts [runs] [--postgres]
// --postgres: into a PostgreSQL started from node_modules on 127.0.0.1:MEASURE_PG_PORT (default 5442).
import { createFlanksClient } from "@/lib/flanks";
import { applyPostgresMigrations } from "@/scripts/lib/migrate-postgres";
import { startPostgresServer } from "@/scripts/lib/postgres-server";
import { startSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createSyncer } from "@/lib/sync/sync-core";
import { createTestDatabase, memoryLease } from "./test-database";

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 3);
const postgresServer = process.argv.includes("--postgres")
  ? await startPostgresServer({ port: Number(process.env.MEASURE_PG_PORT ?? 5442), dataDir: "data/measure-postgres" })
  : undefined;
if (postgresServer) await applyPostgresMigrations(await postgresServer.createDatabase({ name: "measure_template" }), { quiet: true });
const postgres = postgresServer && { adminUrl: postgresServer.urlOf("postgres"), template: "measure_template" };
let clock = Date.parse("2025-06-30T10:00:00Z");
const server = await startSandboxServer({ now: () => clock });
const flanks = createFlanksClient({ apiUrl: server.apiUrl, clientId: server.clientId, clientSecret: server.clientSecret, timeoutMs: 60_000 });

for (let run = 1; run <= runs; run += 1) {
  const database = await createTestDatabase({ wal: true, postgres });
  const create = () =>
    fetch(`${server.apiUrl}/_control/credentials`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bank: "testbank", username: `probe${run}.big`, password: "healthy" }),
    });
  // After a long sync, the kept-alive socket may have been closed by the server: one more try.
  const created = await create().catch(create);
  const { code } = (await created.json()) as { code: string };
  const exchanged = await flanks.exchangeLinkCode(code);
  if (exchanged.kind !== "exchanged") throw new Error("delayed");
  clock += 10_000;
  const advisor = await database.db.user.create({ data: { email: `a${run}@test`, name: "A", passwordHash: "x" } });
  const client = await database.db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await database.db.connection.create({
    data: { clientId: client.id, bank: "testbank", linkToken: "l", credentialsTokenEnc: exchanged.credentials_token, state: "READY", pending: false },
  });
  const syncer = createSyncer({
    db: database.db,
    writeDb: database.writeDb,
    flanks,
    openCredentialsToken: (sealed) => sealed,
    lease: memoryLease(),
    now: () => new Date(clock),
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await syncer.syncConnection(connection.id, { reason: "first-extraction" });
  const wallMs = Math.round(performance.now() - started);
  const used = process.cpuUsage(cpu);
  const transactions = await database.db.wealthAccountTransaction.count({ where: { connectionId: connection.id } });
  console.log(JSON.stringify({ run, status: result.status, transactions, wallMs, cpuMs: Math.round((used.user + used.system) / 1000) }));
  await database.close();
}
await server.close();
await postgresServer?.stop();
process.exit(0);
