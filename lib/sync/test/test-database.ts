// A fresh database with every committed migration applied, for tests that need Prisma: a SQLite
// file, or on the PostgreSQL run (vitest.postgres.config.ts) a new database of the PostgreSQL the
// run started, copied from a template that has every PostgreSQL migration applied.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { createWriteConnection } from "@/lib/db/create-write-connection";
import { createPostgresPool } from "@/lib/db/postgres-pool";
import { createReadConnection, postgresReadConnection, type TReadConnection } from "@/lib/db/read-connection";
import type { TSqlDialect } from "@/lib/db/sql-dialect";
import { postgresSyncWriter, sqliteSyncWriter, type TSyncWriter } from "@/lib/sync/sync-writer";

type TSqlite = { exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

/** `db` is the app's Prisma client; `writeDb` the sync's own connection to the same database; `readDb` the pages' read connection. */
export type TTestDatabase = { dialect: TSqlDialect; db: PrismaClient; writeDb: TSyncWriter; readDb: TReadConnection; url: string; close(): Promise<void> };

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by the PostgreSQL run's global setup (scripts/lib/vitest-postgres-setup.ts). */
    postgres: { adminUrl: string; template: string } | null;
  }
}

/** The dialect of this test run: PostgreSQL when the run started one. */
export function testDialect(): TSqlDialect {
  return postgresOfRun() ? "postgres" : "sqlite";
}

function postgresOfRun(): { adminUrl: string; template: string } | null {
  try {
    return inject("postgres") ?? null;
  } catch {
    return null;
  }
}

/**
 * `wal`: the WAL journal, as scripts/lib/prepare-database.ts sets it on the app's database (the file alone is then not a copy of it). SQLite only.
 * `postgres`: a PostgreSQL server and migrated template to copy, outside the PostgreSQL test run (measurements).
 */
export async function createTestDatabase(options: { wal?: boolean; postgres?: { adminUrl: string; template: string } } = {}): Promise<TTestDatabase> {
  const postgres = options.postgres ?? postgresOfRun();
  return postgres ? createPostgresTestDatabase(postgres) : createSqliteTestDatabase(options);
}

/** Always SQLite, whichever run: for tests that compare the two databases. */
export async function createSqliteTestDatabase(options: { wal?: boolean } = {}): Promise<TTestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "patrimonio-db-"));
  const file = join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = join(process.cwd(), "prisma", "migrations");
  for (const name of readdirSync(migrations)
    .filter((entry) => /^\d{4}_/.test(entry))
    .sort()) {
    sqlite.exec(readFileSync(join(migrations, name, "migration.sql"), "utf8"));
  }
  if (options.wal) sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.close();
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  const writeDb = sqliteSyncWriter(createWriteConnection(url));
  const readDb = createReadConnection(url);
  return {
    dialect: "sqlite",
    db,
    writeDb,
    readDb,
    url,
    close: async () => {
      await readDb.close();
      await writeDb.close();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(postgres: { adminUrl: string; template: string }): Promise<TTestDatabase> {
  const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${postgres.template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgres.adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = createPrismaClient(databaseUrl);
  const pool = createPostgresPool(databaseUrl, 4);
  const writeDb = postgresSyncWriter(pool);
  const readDb = postgresReadConnection(createPostgresPool(databaseUrl, 4));
  return {
    dialect: "postgres",
    db,
    writeDb,
    readDb,
    url: databaseUrl,
    close: async () => {
      await readDb.close();
      await writeDb.close();
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: postgres.adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

/** An in-memory lease with withLease's contract, for tests. */
export function memoryLease() {
  const held = new Set<string>();
  return async <T>(name: string, _ttlMs: number, work: () => Promise<T>): Promise<T | null> => {
    if (held.has(name)) return null;
    held.add(name);
    try {
      return await work();
    } finally {
      held.delete(name);
    }
  };
}
