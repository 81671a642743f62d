import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Prisma's $queryRawUnsafe, the only part of the client this needs (any engine). */
type TRawQuery = { $queryRawUnsafe<T = unknown>(query: string): Promise<T> };

/** The ledgers a migration runner keeps in the database, read in this order: the first that exists answers. */
const LEDGERS = [
  // prisma migrate deploy (SQLite, scripts/lib/prepare-database.ts): one row per applied folder.
  { sql: `SELECT migration_name AS "name" FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL` },
  // dbmate (issue 18.2, PostgreSQL): one row per applied file, keyed by the number its name starts with.
  { sql: `SELECT version AS "name" FROM "schema_migrations"` },
] as const;

/** "0013_shared_flanks_token" and "0013" name the same migration: runners key it by its leading number. */
const versionOf = (name: string) => /^\d+/.exec(name)?.[0] ?? name;

/** The migrations this build expects: the committed folders (prisma migrate) or files (dbmate) under `dir`. */
export function committedMigrationVersions(dir = path.join(process.cwd(), "prisma", "migrations")): string[] | null {
  // Read at run time from the deployed tree, never traced into the build (the comments tell Turbopack so).
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return null;
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => /^\d+/.test(entry.name))
    .map((entry) => versionOf(entry.name))
    .sort();
}

/**
 * Which committed migrations the database has not applied. Plain SQL that SQLite and PostgreSQL
 * both read; a ledger table that does not exist is skipped. Throws when the database is unreachable.
 */
export async function pendingMigrations(db: TRawQuery, committed: string[]): Promise<string[]> {
  for (const ledger of LEDGERS) {
    let rows: { name: string }[];
    try {
      rows = await db.$queryRawUnsafe<{ name: string }[]>(ledger.sql);
    } catch (error) {
      if (isMissingTable(error)) continue;
      throw error;
    }
    const applied = new Set(rows.map((row) => versionOf(String(row.name))));
    return committed.filter((version) => !applied.has(version));
  }
  return committed;
}

function isMissingTable(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /no such table|does not exist|42P01/i.test(text);
}
