// A fresh SQLite database with every committed migration applied, for tests that need Prisma.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type TSqlite = { exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

export type TTestDatabase = { db: PrismaClient; url: string; close(): Promise<void> };

export async function createTestDatabase(): Promise<TTestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "patrimonio-db-"));
  const file = join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = join(process.cwd(), "prisma", "migrations");
  for (const name of readdirSync(migrations).filter((entry) => /^\d{4}_/.test(entry)).sort()) {
    sqlite.exec(readFileSync(join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  return {
    db,
    url,
    close: async () => {
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
