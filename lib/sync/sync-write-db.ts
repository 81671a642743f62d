import "server-only";
import { getEnv } from "@/lib/env";
import { createSyncWriter, type TSyncWriter } from "./sync-writer";

const globalForSync = globalThis as unknown as { patrimonioSyncWriteDb?: TSyncWriter };

/** The sync's own connection to the database, for its one write transaction (lib/sync only; decisions 021, 048). */
export function getSyncWriteDb(): TSyncWriter {
  globalForSync.patrimonioSyncWriteDb ??= createSyncWriter(getEnv().databaseUrl);
  return globalForSync.patrimonioSyncWriteDb;
}
