import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/* The overview is kept per version of the client's data: reused while nothing was synced, recomputed after a sync. */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
const { getWealthOverview, forgetWealthOverview } = await import("./get-wealth-overview");

let database: TTestDatabase;
const advisor = { id: "advisor-1", role: "ADVISOR" as const };
const other = { id: "advisor-2", role: "ADVISOR" as const };
let clientId = "";
let connectionId = "";

/** What a sync does, in one transaction: replace the rows, then a new WealthSyncState run id. */
async function sync(runId: string, balanceMinor: bigint) {
  await database.db.$transaction(async (tx) => {
    await tx.wealthAccount.deleteMany({ where: { connectionId } });
    await tx.wealthAccount.create({
      data: { connectionId, clientId, flanksId: "a1", iban: "ES00", alias: "A", entity: "testbank", balanceMinor, currency: "EUR", numOwners: 1 },
    });
    const state = { clientId, lastSyncedAt: new Date(), lastSyncRunId: runId };
    await tx.wealthSyncState.upsert({ where: { connectionId }, create: { connectionId, ...state }, update: state });
  });
}

const assets = async () => (await getWealthOverview(advisor, clientId)).currencies.map((c) => [c.currency, c.assets.minor]);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = (current.db = database.db);
  current.readDb = database.readDb;
  for (const user of [advisor, other]) await db.user.create({ data: { id: user.id, email: `${user.id}@example.com`, name: user.id, passwordHash: "x" } });
  clientId = (await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: advisor.id } })).id;
  connectionId = (await db.connection.create({ data: { clientId, bank: "testbank", linkToken: "t", state: "OK" } })).id;
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("getWealthOverview", () => {
  it("reuses the computed overview while the data version is unchanged", async () => {
    await sync("run-1", 1000n);
    expect(await assets()).toEqual([["EUR", 1000n]]);
    // A write that bypasses the sync (no new run id) is not seen: proof that the second view came from the cache.
    await database.db.wealthAccount.updateMany({ where: { connectionId }, data: { balanceMinor: 5n } });
    expect(await assets()).toEqual([["EUR", 1000n]]);
    forgetWealthOverview(clientId);
    expect(await assets()).toEqual([["EUR", 5n]]);
  });

  it("shows a sync's data on the next view", async () => {
    await sync("run-2", 2500n);
    expect(await assets()).toEqual([["EUR", 2500n]]);
  });

  it("shows nothing of a removed connection", async () => {
    const second = await database.db.connection.create({ data: { clientId, bank: "otherbank", linkToken: "u", state: "OK" } });
    await database.db.wealthAccount.create({
      data: {
        connectionId: second.id,
        clientId,
        flanksId: "b1",
        iban: "ES01",
        alias: "B",
        entity: "otherbank",
        balanceMinor: 7n,
        currency: "USD",
        numOwners: 1,
      },
    });
    await database.db.wealthSyncState.create({ data: { connectionId: second.id, clientId, lastSyncedAt: new Date(), lastSyncRunId: "run-3" } });
    expect(await assets()).toEqual([
      ["EUR", 2500n],
      ["USD", 7n],
    ]);
    await database.db.connection.delete({ where: { id: second.id } });
    expect(await assets()).toEqual([["EUR", 2500n]]);
  });

  it("counts a position whose entity Flanks sent as null under its connection's bank, not under a nameless slice", async () => {
    // Decision 038: an unknown entity is stored as "". The allocation by bank showed it as a row with no name.
    await database.db.wealthInvestment.create({
      data: {
        connectionId,
        clientId,
        flanksId: "i1",
        portfolioId: "",
        name: "",
        isin: "ES0000000001",
        type: "F",
        entity: "",
        currency: "EUR",
        quantity: "1",
        isNominal: false,
        balanceMinor: 300n,
      },
    });
    await sync("run-4", 2500n);
    const eur = (await getWealthOverview(advisor, clientId)).currencies.find((c) => c.currency === "EUR")!;
    expect(eur.byBank.map((slice) => [slice.key, slice.minor])).toEqual([["testbank", 2800n]]);
    await database.db.wealthInvestment.deleteMany({ where: { connectionId } });
  });

  it("still checks access on every call, cached or not", async () => {
    await assets();
    await expect(getWealthOverview(other, clientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWealthOverview({ id: other.id, role: "ADMIN" }, clientId)).resolves.toMatchObject({ context: { clientId } });
  });
});
