import { afterAll, beforeAll, expect, it } from "vitest";
import type { TReadConnection } from "@/lib/db/read-connection";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { readClientListFigures } from "./client-list-figures";

/*
 * The client list's per-row figures, read with prepared SQL: exact per-currency sums (past 2^53),
 * the action flag, the data date, and nothing of a client outside the actor's scope.
 */
let database: TTestDatabase;
let readDb: TReadConnection;
const ids: Record<"rich" | "empty" | "other", string> = { rich: "", empty: "", other: "" };
const BIG = 9_007_199_254_740_993n; // 2^53 + 1: a JavaScript number would round it

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
  readDb = database.readDb;
  const db = database.db;
  for (const id of ["ana", "luis"]) await db.user.create({ data: { id, email: `${id}@example.com`, name: id, passwordHash: "x" } });
  ids.rich = (await db.client.create({ data: { displayName: "Rich", contactEmail: "r@example.com", advisorId: "ana" } })).id;
  ids.empty = (await db.client.create({ data: { displayName: "Empty", contactEmail: "e@example.com", advisorId: "ana" } })).id;
  ids.other = (await db.client.create({ data: { displayName: "Other", contactEmail: "o@example.com", advisorId: "luis" } })).id;
  const ok = await db.connection.create({ data: { clientId: ids.rich, bank: "testbank", linkToken: "a", state: "OK" } });
  const failing = await db.connection.create({ data: { clientId: ids.rich, bank: "otherbank", linkToken: "b", state: "NEEDS_SCA" } });
  const others = await db.connection.create({ data: { clientId: ids.other, bank: "testbank", linkToken: "c", state: "BLOCKED" } });
  const account = (connectionId: string, clientId: string, flanksId: string, balanceMinor: bigint, currency: string) =>
    db.wealthAccount.create({
      data: { connectionId, clientId, flanksId, iban: flanksId, alias: flanksId, entity: "testbank", balanceMinor, currency, numOwners: 1 },
    });
  await account(ok.id, ids.rich, "ES01", BIG, "EUR");
  await account(failing.id, ids.rich, "ES02", 1n, "EUR");
  await account(ok.id, ids.rich, "US01", -250n, "USD");
  await account(others.id, ids.other, "ES09", 5n, "EUR");
  await db.wealthPortfolio.create({
    data: { connectionId: ok.id, clientId: ids.rich, flanksId: "pf1", name: "P", currency: "EUR", entity: "testbank", balanceMinor: 0n },
  });
  await db.wealthInvestment.create({
    data: {
      connectionId: ok.id,
      clientId: ids.rich,
      flanksId: "i1",
      portfolioId: "pf1",
      name: "Fondo",
      isin: "ES0000000001",
      type: "F",
      entity: "testbank",
      currency: "EUR",
      quantity: "1",
      balanceMinor: 1_000n,
      isNominal: false,
    },
  });
  await db.wealthLiability.create({
    data: {
      connectionId: ok.id,
      clientId: ids.rich,
      flanksId: "l1",
      name: "Hipoteca",
      type: "mortgage",
      entity: "testbank",
      currency: "EUR",
      balanceMinor: 400n,
    },
  });
  await db.wealthLiability.create({
    data: { connectionId: ok.id, clientId: ids.rich, flanksId: "l2", name: "Préstamo", type: "loan", entity: "testbank", currency: "CHF", balanceMinor: 70n },
  });
  // One connection reports Flanks' date, the other only when it was synced: Flanks' date wins.
  await db.wealthSyncState.create({
    data: {
      connectionId: ok.id,
      clientId: ids.rich,
      lastSyncedAt: new Date("2026-03-05T10:00:00Z"),
      lastSyncRunId: "r1",
      dataAsOfAt: new Date("2026-03-04T09:00:00Z"),
    },
  });
  await db.wealthSyncState.create({
    data: { connectionId: failing.id, clientId: ids.rich, lastSyncedAt: new Date("2026-03-06T10:00:00Z"), lastSyncRunId: "r2" },
  });
  await db.wealthSyncState.create({
    data: { connectionId: others.id, clientId: ids.other, lastSyncedAt: new Date("2026-02-01T10:00:00Z"), lastSyncRunId: "r3" },
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const totals = (figures: Awaited<ReturnType<typeof readClientListFigures>>, clientId: string) =>
  (figures.wealth.get(clientId) ?? []).map((t) => [t.currency, t.assets.minor, t.liabilities.minor, t.net.minor]);

it("sums each currency exactly, assets and liabilities apart, sorted by currency", async () => {
  const figures = await readClientListFigures(readDb, "ana", [ids.rich, ids.empty]);
  expect(totals(figures, ids.rich)).toEqual([
    ["CHF", 0n, 70n, -70n],
    ["EUR", BIG + 1n + 1_000n, 400n, BIG + 1n + 1_000n - 400n],
    ["USD", -250n, 0n, -250n],
  ]);
  expect(figures.wealth.has(ids.empty)).toBe(false);
});

it("flags clients with a connection that needs the advisor, and dates them by Flanks' date when there is one", async () => {
  const figures = await readClientListFigures(readDb, "ana", [ids.rich, ids.empty]);
  expect([...figures.needsAction]).toEqual([ids.rich]);
  expect(figures.dataAsOf.get(ids.rich)).toEqual(new Date("2026-03-04T09:00:00Z"));
  expect(figures.dataAsOf.has(ids.empty)).toBe(false);
});

it("gives nothing of another advisor's client, even when its id is asked for; an admin sees it", async () => {
  const asAna = await readClientListFigures(readDb, "ana", [ids.other]);
  expect(asAna.wealth.size + asAna.needsAction.size + asAna.dataAsOf.size).toBe(0);
  const asAdmin = await readClientListFigures(readDb, null, [ids.other]);
  expect(totals(asAdmin, ids.other)).toEqual([["EUR", 5n, 0n, 5n]]);
  expect([...asAdmin.needsAction]).toEqual([ids.other]);
  expect(asAdmin.dataAsOf.get(ids.other)).toEqual(new Date("2026-02-01T10:00:00Z"));
});
