import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { loadEnv } from "../../lib/config/load-env";
import { makeDatabaseFilePrivate } from "../../lib/db/private-database-file";
import { seedDemoData } from "../../prisma/seed";
import { isPostgresUrl } from "../../lib/db/sql-dialect";
import { applyPostgresMigrations } from "./migrate-postgres";
import { BIN, run } from "./run";

/**
 * Applies committed migrations (existing data is kept; PostgreSQL: scripts/lib/migrate-postgres.ts) and seeds the demo in
 * sandbox mode. `seedDemo: false` for the operator's scripts: run from a shell without the server's FLANKS_CLIENT_ID, they
 * took the database for a sandbox's and seeded demo users with published passwords into it.
 */
export async function prepareDatabase({ seedDemo = true }: { seedDemo?: boolean } = {}): Promise<void> {
  const env = loadEnv();
  // 700 / 600: only the app's user reads the data directory and the database (as secrets.json).
  mkdirSync(env.DATA_DIR, { recursive: true, mode: 0o700 });
  makeDatabaseFilePrivate(env.databaseUrl);
  if (isPostgresUrl(env.databaseUrl)) {
    await applyPostgresMigrations(env.databaseUrl);
  } else if (hasPendingMigrations(env.databaseUrl)) {
    await run(BIN.prisma, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: env.databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
  }
  enableWriteAheadLog(env.databaseUrl);
  if (seedDemo) await seedDemoData();
}

type TSqlite = { pragma(source: string): unknown; prepare(sql: string): { all(): unknown[] }; close(): void };

const MIGRATIONS_DIR = "prisma/migrations";

/**
 * Whether `prisma migrate deploy` has anything to do. Its schema engine takes an exclusive lock on
 * the file even when nothing is pending, which fails while the app holds the database open
 * (`npm run admin:create` beside a running app ended in "WASM_ERROR: unknown variant SocketTimeout").
 * So an up-to-date database is not handed to it at all. Only SQLite files are read here.
 */
export function hasPendingMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): boolean {
  if (!databaseUrl.startsWith("file:")) return true;
  const file = databaseUrl.slice("file:".length);
  if (!existsSync(file)) return true;
  const committed = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;
  const db = new Database(file);
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").all().length > 0;
    if (!hasTable) return true;
    const applied = new Set(
      (
        db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as {
          migration_name: string;
        }[]
      ).map((row) => row.migration_name),
    );
    return committed.some((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * WAL journal (a property of the database file, kept once set): a commit costs one append + fsync
 * instead of the rollback journal's several, and pages keep reading the last committed data while
 * a sync writes (docs/decisions/021-sync-write-path-and-wal.md). Only for SQLite files.
 */
export function enableWriteAheadLog(databaseUrl: string): void {
  if (!databaseUrl.startsWith("file:")) return;
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;
  const db = new Database(databaseUrl.slice("file:".length));
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
