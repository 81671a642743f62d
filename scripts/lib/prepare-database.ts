import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { loadEnv } from "../../lib/config/load-env";
import { makeDatabaseFilePrivate } from "../../lib/db/private-database-file";
import { seedDemoData } from "../../prisma/seed";
import { BIN, run } from "./run";

/** Applies committed migrations (existing data is kept) and seeds the demo in sandbox mode. */
export async function prepareDatabase(): Promise<void> {
  const env = loadEnv();
  // 700 / 600: only the app's user reads the data directory and the database (as secrets.json).
  mkdirSync(env.DATA_DIR, { recursive: true, mode: 0o700 });
  makeDatabaseFilePrivate(env.databaseUrl);
  await run(BIN.prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: env.databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
  useWriteAheadLog(env.databaseUrl);
  await seedDemoData();
}

type TSqlite = { pragma(source: string): unknown; close(): void };

/**
 * WAL journal (a property of the database file, kept once set): a commit costs one append + fsync
 * instead of the rollback journal's several, and pages keep reading the last committed data while
 * a sync writes (docs/decisions/021-sync-write-path-and-wal.md). Only for SQLite files.
 */
export function useWriteAheadLog(databaseUrl: string): void {
  if (!databaseUrl.startsWith("file:")) return;
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;
  const db = new Database(databaseUrl.slice("file:".length));
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
