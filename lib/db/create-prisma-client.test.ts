import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("Prisma's transactions on SQLite with another process writing", () => {
  it("take the write lock at BEGIN: a write of another process between their read and their write cannot fail them", async () => {
    // The other process: its own connection, not waiting for locks (so this one thread never blocks on it).
    const other = new Database(database.url.replace(/^file:/, ""), { timeout: 0 });
    let otherWrite: "written" | "busy" | undefined;
    try {
      await database.db.$transaction(async (tx) => {
        await tx.lease.findMany();
        try {
          other.prepare(`INSERT INTO "Lease" (name, holder, expiresAt) VALUES ('other', '', 0)`).run();
          otherWrite = "written";
        } catch (error) {
          otherWrite = (error as { code?: string }).code === "SQLITE_BUSY" ? "busy" : undefined;
        }
        // With a plain BEGIN this write failed: SQLITE_BUSY (the snapshot is older than the other's commit).
        await tx.lease.create({ data: { name: "mine", holder: "me", expiresAt: new Date(0) } });
      });
    } finally {
      other.close();
    }
    expect(otherWrite).toBe("busy");
    expect(await database.db.lease.count({ where: { name: "mine" } })).toBe(1);
  });
});
