import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { hasPendingMigrations } from "./prepare-database";

const dir = mkdtempSync(path.join(tmpdir(), "prepare-database-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hasPendingMigrations", () => {
  it("is true for a missing file, false once every committed migration is applied, true again when one is missing", () => {
    const file = path.join(dir, "app.db");
    const url = `file:${file}`;
    expect(hasPendingMigrations(url)).toBe(true);
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    expect(hasPendingMigrations(url)).toBe(false);

    // The app holds the database open in WAL mode, as while it runs: the check still reads it.
    const app = new Database(file);
    app.pragma("journal_mode = WAL");
    app.prepare("BEGIN IMMEDIATE").run();
    expect(hasPendingMigrations(url)).toBe(false);
    app.prepare("ROLLBACK").run();

    app.prepare("DELETE FROM _prisma_migrations WHERE migration_name = (SELECT MAX(migration_name) FROM _prisma_migrations)").run();
    app.close();
    expect(hasPendingMigrations(url)).toBe(true);
  });
});
