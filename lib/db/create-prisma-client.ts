import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PrismaPostgresClient } from "@/lib/generated/prisma-pg/client";
import { isPostgresUrl } from "./sql-dialect";
import { writerPragmaScript } from "./writer-pragmas";

/**
 * How long a write of the app waits for another connection's write lock (the sync's write
 * transaction, lib/sync/bulk-write.ts, or another process) before failing with SQLITE_BUSY.
 * better-sqlite3's default is 5 s; a sync of 100 000 new rows holds the lock ~1–3 s on a loaded
 * machine, so this leaves a wide margin.
 */
export const BUSY_TIMEOUT_MS = 15_000;

type TStatementSource = { prepare(sql: string): unknown };

/**
 * Prisma's transactions (interactive ones, and the implicit one of a nested write or an upsert) start
 * with a plain BEGIN, which reads first and takes the write lock at the first write. With several
 * processes on the file (WEB_CONCURRENCY, or two instances on one host: decision 049), a write by
 * another process in between makes that upgrade fail at once with SQLITE_BUSY ("database is
 * locked"), whatever the busy timeout: measured, 7 of 20 concurrent code exchanges over two instances
 * failed so. BEGIN IMMEDIATE takes the write lock first, so the transaction waits its turn (up to
 * BUSY_TIMEOUT_MS) instead. The adapter has no option for it: its one BEGIN statement is swapped.
 */
function beginImmediately(client: TStatementSource): void {
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

/** Prisma's adapter has no hook for pragmas: its connection gets them as soon as it is opened. */
class PrismaBetterSQLite3WithPragmas extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(writerPragmaScript());
    beginImmediately((adapter as unknown as { client: TStatementSource }).client);
    return adapter;
  }
}

/**
 * SQLite through better-sqlite3, or PostgreSQL through node-postgres. A client generated for one
 * provider refuses the other's adapter, so PostgreSQL has its own client, generated from a copy of
 * the schema (prisma/postgres/schema.prisma, docs/decisions/047). Both are generated from the same
 * models and expose the same API; the app types them as the SQLite one.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (isPostgresUrl(databaseUrl)) {
    return new PrismaPostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3WithPragmas({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS }) });
}

export type { PrismaClient };
