import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { writerPragmaScript } from "./writer-pragmas";

/**
 * How long a write of the app waits for another connection's write lock (the sync's write
 * transaction, lib/sync/bulk-write.ts, or another process) before failing with SQLITE_BUSY.
 * better-sqlite3's default is 5 s; a sync of 100 000 new rows holds the lock ~1–3 s on a loaded
 * machine, so this leaves a wide margin.
 */
export const BUSY_TIMEOUT_MS = 15_000;

/** Prisma's adapter has no hook for pragmas: its connection gets them as soon as it is opened. */
class PrismaBetterSQLite3WithPragmas extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(writerPragmaScript());
    return adapter;
  }
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3WithPragmas({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS }) });
}

export type { PrismaClient };
