import { afterAll, beforeAll, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "./test/test-database";

/* The sync's write transaction on either database (SQLite here, PostgreSQL in its run): whole or nothing, steps in order. */
let database: TTestDatabase;
let scope: { connectionId: string; clientId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const advisor = await db.user.create({ data: { email: "w@test", name: "W", passwordHash: "x" } });
  const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "l", state: "READY", pending: false } });
  scope = { connectionId: connection.id, clientId: client.id };
});

afterAll(async () => {
  await database?.close();
});

const account = (flanksId: string, balanceMinor: bigint): Prisma.WealthAccountCreateManyInput => ({
  ...scope,
  flanksId,
  iban: `ES${flanksId}`,
  alias: "",
  entity: "testbank",
  balanceMinor,
  currency: "EUR",
  numOwners: 1,
});

it("writes every step and reads its own writes inside the transaction, keeping unchanged rows", async () => {
  const result = await database.writeDb.inTransaction(function* (tx) {
    const first = yield* tx.replaceRows("WealthAccount", scope.connectionId, [account("01", 100n), account("02", 9_007_199_254_740_993n)]);
    const seen = yield* tx.selectOfConnection<{ balanceMinor: bigint }>("WealthAccount", ["balanceMinor"], scope.connectionId);
    yield* tx.upsertRow("WealthSyncState", "connectionId", { ...scope, lastSyncedAt: new Date(0), lastSyncRunId: "r1", productsJson: "{}" });
    yield* tx.upsertRow("WealthSyncState", "connectionId", { ...scope, lastSyncedAt: new Date(1), lastSyncRunId: "r2", productsJson: "{}" });
    return { first, seen: seen.map((row) => row.balanceMinor).sort() };
  });
  expect(result).toEqual({ first: { kept: 0, inserted: 2, deleted: 0 }, seen: [100n, 9_007_199_254_740_993n] });
  expect((await database.db.wealthSyncState.findUnique({ where: { connectionId: scope.connectionId } }))?.lastSyncRunId).toBe("r2");

  const again = await database.writeDb.inTransaction(function* (tx) {
    return yield* tx.replaceRows("WealthAccount", scope.connectionId, [account("01", 100n), account("03", 5n)]);
  });
  expect(again).toEqual({ kept: 1, inserted: 1, deleted: 1 });
});

it("leaves nothing of a transaction whose later step fails", async () => {
  const before = await database.db.wealthAccount.findMany({ where: { connectionId: scope.connectionId }, orderBy: { flanksId: "asc" } });
  await expect(
    database.writeDb.inTransaction(function* (tx) {
      yield* tx.deleteWhere("WealthAccount", { connectionId: scope.connectionId });
      yield* tx.insertRows("WealthAccount", [account("04", 1n)]);
      // The connection has its sync state already (the test above): its key refuses a second row.
      yield* tx.insertRows("WealthSyncState", [{ ...scope, lastSyncedAt: new Date(2), lastSyncRunId: "r3", productsJson: "{}" }]);
    }),
  ).rejects.toThrow();
  expect(await database.db.wealthAccount.findMany({ where: { connectionId: scope.connectionId }, orderBy: { flanksId: "asc" } })).toEqual(before);
});
