import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { makeDatabaseFilePrivate } from "./private-database-file";

type TSqlite = { exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

const dir = mkdtempSync(join(tmpdir(), "patrimonio-mode-"));
const modeOf = (path: string) => statSync(path).mode & 0o777;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("creates the database file readable by its owner only, and its WAL and index follow", () => {
  const file = join(dir, "new.db");
  makeDatabaseFilePrivate(`file:${file}`);
  expect(modeOf(file)).toBe(0o600);
  const sqlite = new Database(file);
  sqlite.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  expect(modeOf(`${file}-wal`)).toBe(0o600);
  expect(modeOf(`${file}-shm`)).toBe(0o600);
  sqlite.close();
});

it("narrows an existing world-readable database to 600", () => {
  const file = join(dir, "old.db");
  writeFileSync(file, "", { mode: 0o644 });
  writeFileSync(`${file}-wal`, "", { mode: 0o644 });
  makeDatabaseFilePrivate(`file:${file}`);
  expect(modeOf(file)).toBe(0o600);
  expect(modeOf(`${file}-wal`)).toBe(0o600);
});
