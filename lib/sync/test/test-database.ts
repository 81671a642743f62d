// A fresh SQLite database with every committed migration applied, for tests that need Prisma.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { createWriteConnection, type TWriteConnection } from "@/lib/db/create-write-connection";

type TSqlite = { exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

/** `db` is the app's Prisma client; `writeDb` the sync's own connection to the same file. */
export type TTestDatabase = { db: PrismaClient; writeDb: TWriteConnection; url: string; close(): Promise<void> };

/** `wal`: the WAL journal, as scripts/lib/prepare-database.ts sets it on the app's database (the file alone is then not a copy of it). */
export async function createTestDatabase(options: { wal?: boolean } = {}): Promise<TTestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "patrimonio-db-"));
  const file = join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = join(process.cwd(), "prisma", "migrations");
  for (const name of readdirSync(migrations).filter((entry) => /^\d{4}_/.test(entry)).sort()) {
    sqlite.exec(readFileSync(join(migrations, name, "migration.sql"), "utf8"));
  }
  if (options.wal) sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.close();
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  const writeDb = createWriteConnection(url);
  return {
    db,
    writeDb,
    url,
    close: async () => {
      writeDb.close();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
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
