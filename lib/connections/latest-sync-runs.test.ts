import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { latestSyncRuns } from "./connection-dto";

let database: TTestDatabase;
const ids = { withRuns: "", without: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await db.user.create({ data: { id: "u", email: "a@example.com", name: "A", passwordHash: "x" } });
  const clientId = (await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: "u" } })).id;
  ids.withRuns = (await db.connection.create({ data: { clientId, bank: "testbank", linkToken: "a", state: "OK" } })).id;
  ids.without = (await db.connection.create({ data: { clientId, bank: "testbank", linkToken: "b", state: "OK" } })).id;
  // Inserted out of order: the latest by startedAt wins, not the last written.
  for (const [day, status] of [
    ["2026-01-03", "FAILED"],
    ["2026-01-01", "SUCCEEDED"],
    ["2026-01-02", "SUCCEEDED"],
  ] as const) {
    await db.syncRun.create({
      data: {
        connectionId: ids.withRuns,
        clientId,
        reason: "daily",
        status,
        startedAt: new Date(`${day}T08:00:00Z`),
        error: status === "FAILED" ? "timeout: slow" : null,
      },
    });
  }
}, 60_000);

afterAll(async () => {
  await database?.close();
});

it("finds each connection's latest run, and none for a connection never synced", async () => {
  const runs = await latestSyncRuns(database.db, [ids.withRuns, ids.without]);
  expect([...runs.keys()]).toEqual([ids.withRuns]);
  expect(runs.get(ids.withRuns)).toMatchObject({ status: "FAILED", startedAt: new Date("2026-01-03T08:00:00Z"), error: "timeout: slow" });
  expect(await latestSyncRuns(database.db, [])).toEqual(new Map());
});
