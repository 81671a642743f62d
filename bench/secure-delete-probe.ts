// The cost of secure_delete on the sync's write path (docs/decisions/042-data-at-rest.md): a first
// sync of 100 000 account transactions (inserts) and a resync replacing all of them (100 000
// deletes + inserts), on the sync's own connection, with secure_delete off and on, interleaved.
//   node --import tsx bench/secure-delete-probe.ts [rounds]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createWriteConnection } from "../lib/db/create-write-connection";
import { createRowIds, insertRows, replaceRows, type TSyncRowOf } from "../lib/sync/bulk-write";

const ROWS = 100_000;
const rounds = Number(process.argv[2] ?? 3);

function freshDatabase(): { url: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "patrimonio-sd-"));
  const file = join(dir, "bench.db");
  const sqlite = new Database(file);
  const migrations = join(process.cwd(), "prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d{4}_/.test(entry))
    .sort())
    sqlite.exec(readFileSync(join(migrations, name, "migration.sql"), "utf8"));
  sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.exec(`INSERT INTO "User" (id, email, name, passwordHash, role, updatedAt) VALUES ('u', 'u@x', 'U', 'x', 'ADVISOR', '2026-01-01')`);
  sqlite.exec(`INSERT INTO "Client" (id, displayName, contactEmail, advisorId, updatedAt) VALUES ('c', 'C', 'c@x', 'u', '2026-01-01')`);
  sqlite.exec(`INSERT INTO "Connection" (id, clientId, bank, linkToken, state, updatedAt) VALUES ('k', 'c', 'b', 't', 'READY', '2026-01-01')`);
  sqlite.close();
  return { url: `file:${file}`, dir };
}

function transactions(generation: number): TSyncRowOf["WealthAccountTransaction"][] {
  return Array.from({ length: ROWS }, (_, n) => ({
    connectionId: "k",
    clientId: "c",
    flanksId: `g${generation}-${n}`,
    accountId: `a${n % 4}`,
    entity: "testbank",
    amountMinor: BigInt((n * 7919) % 200_000) - 100_000n,
    balanceMinor: BigInt(n),
    currency: "EUR",
    operationDate: `2025-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`,
    valueDate: "2025-06-01",
    description: `TRANSFERENCIA ${generation} RECIBO ${n} COMERCIO EJEMPLO`,
    category: "transfer",
    type: null,
    extraJson: "{}",
  }));
}

type TPhase = { wallMs: number; cpuMs: number; walMb: number };

/**
 * Wall and CPU time of one write transaction, and what it wrote to the WAL (emptied before; one transaction
 * cannot be checkpointed midway, so the file's size is what it wrote).
 */
function measured(db: ReturnType<typeof createWriteConnection>, wal: string, work: () => void): TPhase {
  db.pragma("wal_checkpoint(TRUNCATE)");
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wallMs = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: Math.round((used.user + used.system) / 1000), walMb: Math.round(statSync(wal).size / 1e5) / 10 };
}

const results: Record<string, { first: TPhase[]; resync: TPhase[] }> = { off: { first: [], resync: [] }, on: { first: [], resync: [] } };
const first = transactions(1);
const second = transactions(2);
for (let round = 0; round < rounds; round++) {
  for (const mode of round % 2 ? (["on", "off"] as const) : (["off", "on"] as const)) {
    const { url, dir } = freshDatabase();
    const db = createWriteConnection(url);
    db.pragma(`secure_delete = ${mode === "on" ? "ON" : "OFF"}`);
    const newId = createRowIds();
    const wal = `${url.slice("file:".length)}-wal`;
    results[mode]!.first.push(measured(db, wal, () => db.transaction(() => insertRows(db, "WealthAccountTransaction", first, newId))()));
    results[mode]!.resync.push(measured(db, wal, () => db.transaction(() => replaceRows(db, "WealthAccountTransaction", "k", second, newId))()));
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const describe = (phases: TPhase[]) =>
  `wall ${median(phases.map((p) => p.wallMs))} ms, CPU ${median(phases.map((p) => p.cpuMs))} ms, WAL ${median(phases.map((p) => p.walMb))} MB (CPU ${phases.map((p) => p.cpuMs).join(", ")})`;
for (const [mode, { first: a, resync: b }] of Object.entries(results)) {
  console.log(`secure_delete ${mode}: first sync: ${describe(a)}; full resync: ${describe(b)}`);
}
