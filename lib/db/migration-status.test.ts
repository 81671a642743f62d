import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { committedMigrationVersions, pendingMigrations } from "./migration-status";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("pending migrations, as the health check reads them", () => {
  it("the committed folders are read as their numbers", () => {
    const committed = committedMigrationVersions();
    expect(committed).toContain("0001");
    expect(committed).toContain("0013");
    expect(committedMigrationVersions("/nonexistent/migrations")).toBeNull();
    // dbmate's layout (PostgreSQL): one SQL file per migration.
    const dir = mkdtempSync(path.join(tmpdir(), "dbmate-"));
    for (const file of ["0002_search.sql", "0001_schema.sql", "README.md"]) writeFileSync(path.join(dir, file), "");
    expect(committedMigrationVersions(dir)).toEqual(["0001", "0002"]);
    rmSync(dir, { recursive: true });
  });

  it("reads prisma migrate's ledger, then dbmate's, and names what is not applied", async () => {
    const committed = ["0001", "0002", "0013"];
    // No ledger at all: nothing counts as applied.
    expect(await pendingMigrations(database.db, committed)).toEqual(committed);

    await database.db.$executeRawUnsafe(`CREATE TABLE "_prisma_migrations" (migration_name TEXT, finished_at DATETIME, rolled_back_at DATETIME)`);
    const rows = ["('0001_foundation', '2026-12-06', NULL)", "('0002_onboarding', '2026-12-06', NULL)", "('0013_shared_flanks_token', NULL, NULL)"];
    await database.db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" VALUES ${rows.join(", ")}`);
    // 0013 started but never finished: pending.
    expect(await pendingMigrations(database.db, committed)).toEqual(["0013"]);
    await database.db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET finished_at = '2026-12-06' WHERE migration_name LIKE '0013%'`);
    expect(await pendingMigrations(database.db, committed)).toEqual([]);

    await database.db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
    await database.db.$executeRawUnsafe(`CREATE TABLE "schema_migrations" (version TEXT PRIMARY KEY)`);
    await database.db.$executeRawUnsafe(`INSERT INTO "schema_migrations" VALUES ('0001'), ('0002')`);
    expect(await pendingMigrations(database.db, committed)).toEqual(["0013"]);
  });

  it("an unreachable database is an error, not 'everything pending'", async () => {
    const unreachable = { $queryRawUnsafe: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) };
    await expect(pendingMigrations(unreachable, ["0001"])).rejects.toThrow(/ECONNREFUSED/);
  });
});
