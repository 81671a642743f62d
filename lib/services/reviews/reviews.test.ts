import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { money } from "@/lib/money/money";
import { parseReviewSnapshot } from "@/lib/review/review-snapshot";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * Reviews through their services, on a real database: marking a client and a household reviewed
 * (snapshot, history, audit), who may, the review day's limits, the thresholds, and what changed
 * after the stored data moved on as a sync would write it.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000", BASE_CURRENCY: "EUR", FIRM_TIME_ZONE: "Europe/Madrid" }),
}));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
vi.mock("@/lib/flanks/get-flanks-client", () => ({ getFlanksClient: () => ({ deleteCredentials: async () => ({}) }) }));
const { markClientReviewed, markHouseholdReviewed } = await import("./mark-reviewed");
const { getClientReviews } = await import("./get-review-changes");
const { getReviewThresholds, setReviewThresholds } = await import("./review-thresholds");
const { createHousehold } = await import("@/lib/services/households/create-household");
const { setHouseholdMember } = await import("@/lib/services/households/set-household-member");
const { deleteConnection } = await import("@/lib/services/connections/delete-connection");

let database: TTestDatabase;
const user = (id: string, role: "ADVISOR" | "ADMIN"): TSessionUser => ({
  id,
  email: `${id}@example.com`,
  name: `${id} name`,
  role,
  locale: null,
  sessionId: "s",
});
const ana = user("ana", "ADVISOR");
const luis = user("luis", "ADVISOR");
const NOW = new Date("2026-12-06T10:00:00Z");
const ids = { carmen: "", pablo: "", connection: "" };

async function client(displayName: string, advisorId: string): Promise<string> {
  return (await database.db.client.create({ data: { displayName, contactEmail: "c@example.com", advisorId } })).id;
}

/** A synced connection with an account, two positions, a loan, a MiFID answer and one old account transaction. */
async function seedWealth(clientId: string): Promise<string> {
  const db = database.db;
  const connection = await db.connection.create({ data: { clientId, bank: "testbank", bankName: "TestBank", linkToken: "t", state: "READY", pending: false } });
  const connectionId = connection.id;
  await db.wealthAccount.create({
    data: {
      connectionId,
      clientId,
      flanksId: "acc-1",
      iban: "ES00",
      alias: "Cuenta Corriente",
      entity: "testbank",
      balanceMinor: 1_000_000n,
      currency: "EUR",
      numOwners: 1,
    },
  });
  await db.wealthPortfolio.create({
    data: { connectionId, clientId, flanksId: "pf-1", name: "Cartera de Valores", currency: "EUR", entity: "testbank", balanceMinor: 0n },
  });
  const investment = (flanksId: string, isin: string, quantity: string, balanceMinor: bigint) => ({
    connectionId,
    clientId,
    flanksId,
    portfolioId: "pf-1",
    name: `Acción ${flanksId}`,
    isin,
    type: "VI",
    entity: "testbank",
    currency: "EUR",
    quantity,
    isNominal: false,
    balanceMinor,
  });
  await db.wealthInvestment.createMany({ data: [investment("inv-1", "ES0000000001", "100", 500_000n), investment("inv-2", "ES0000000002", "10", 200_000n)] });
  await db.wealthLiability.create({
    data: { connectionId, clientId, flanksId: "loan-1", name: "Préstamo Coche", type: "Loan", entity: "testbank", currency: "EUR", balanceMinor: 300_000n },
  });
  await db.wealthMifidAnswer.create({
    data: { connectionId, clientId, position: 0, questionId: "2", question: "¿Experiencia en renta variable?", answersJson: '["Menos de 2 años"]' },
  });
  await db.wealthAccountTransaction.create({
    data: {
      connectionId,
      clientId,
      flanksId: "tx-old",
      accountId: "ES00",
      entity: "testbank",
      amountMinor: -5_000_000n,
      currency: "EUR",
      operationDate: "2026-12-01",
      valueDate: "2026-12-01",
      description: "OLD LARGE",
      type: "transfer",
    },
  });
  await db.wealthSyncState.create({ data: { connectionId, clientId, lastSyncedAt: NOW, lastSyncRunId: "run-1", dataAsOfAt: NOW } });
  return connectionId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  current.readDb = database.readDb;
  for (const u of [ana, luis]) await database.db.user.create({ data: { id: u.id, email: u.email, name: u.name, passwordHash: "x", role: u.role } });
  ids.carmen = await client("Carmen", ana.id);
  ids.pablo = await client("Pablo", ana.id);
  ids.connection = await seedWealth(ids.carmen);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("review services", () => {
  it("no review yet: an empty history and nothing to compare", async () => {
    expect(await getClientReviews(ana, ids.pablo, NOW)).toEqual({ history: [], changes: null, isUnreadable: false });
  });

  it("refuses a review day in the future (in the firm's time zone) and another advisor's client", async () => {
    // 23:30 UTC on the 6th is already the 7th in Madrid: the 7th is today there, the 8th is not.
    const lateEvening = new Date("2026-12-06T23:30:00Z");
    await expect(markClientReviewed(ana, ids.pablo, { reviewDay: "2026-12-08", note: null }, lateEvening)).rejects.toEqual(
      expect.objectContaining({ code: "BAD_REQUEST", message: "reviewDayInFuture" }),
    );
    await markClientReviewed(ana, ids.pablo, { reviewDay: "2026-12-07", note: null }, lateEvening);
    await expect(markClientReviewed(luis, ids.carmen, { reviewDay: "2026-12-01", note: null }, NOW)).rejects.toEqual(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    await expect(getClientReviews(luis, ids.carmen, NOW)).rejects.toEqual(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(await database.db.clientReview.count({ where: { clientId: ids.carmen } })).toBe(0);
  });

  it("marks a client reviewed with a snapshot of its stored data, audited; then lists what changed after a sync", async () => {
    const { id } = await markClientReviewed(ana, ids.carmen, { reviewDay: "2026-12-05", note: "Revisión anual" }, NOW);
    const row = await database.db.clientReview.findUniqueOrThrow({ where: { id } });
    const snapshot = parseReviewSnapshot(row.snapshotJson)!;
    expect(snapshot.positions.map((p) => [p.id, p.quantity, p.valueMinor, p.portfolio, p.bank])).toEqual([
      ["inv-1", "100", "500000", "Cartera de Valores", "TestBank"],
      ["inv-2", "10", "200000", "Cartera de Valores", "TestBank"],
    ]);
    expect(snapshot.base).toEqual({ currency: "EUR", netMinor: String(1_000_000 + 700_000 - 300_000), ratesDay: null, notConverted: [] });
    expect(snapshot.connections).toEqual([{ id: ids.connection, bank: "TestBank", state: "READY", erroredProducts: [], transactionsThrough: "2026-12-01" }]);
    expect(snapshot.mifid.map((q) => q.answers)).toEqual([["Menos de 2 años"]]);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "client.review", targetId: ids.carmen } });
    expect(audit.actorId).toBe(ana.id);

    // What a sync writes after Flanks' next refresh: a deposit, inv-1 grown by half, inv-2 up 10 % in price, a new position,
    // the loan repaid, the connection needing SCA with its MiFID answered anew.
    const db = database.db;
    const connectionId = ids.connection;
    await db.wealthAccount.updateMany({ where: { connectionId }, data: { balanceMinor: 3_000_000n } });
    await db.wealthAccountTransaction.create({
      data: {
        connectionId,
        clientId: ids.carmen,
        flanksId: "tx-new",
        accountId: "ES00",
        entity: "testbank",
        amountMinor: 2_000_000n,
        currency: "EUR",
        operationDate: "2026-12-06",
        valueDate: "2026-12-06",
        description: "TRANSFERENCIA DE HERENCIA",
        type: "transfer",
      },
    });
    await db.wealthInvestment.updateMany({ where: { flanksId: "inv-1" }, data: { quantity: "150", balanceMinor: 750_000n } });
    await db.wealthInvestmentTransaction.create({
      data: {
        connectionId,
        clientId: ids.carmen,
        flanksId: "itx-buy",
        investmentId: "inv-1",
        entity: "testbank",
        isin: "ES0000000001",
        type: "1",
        description: "COMPRA",
        amount: "50",
        amountNum: 50,
        unitPrice: "50",
        netCashMinor: -250_000n,
        currency: "EUR",
        symb: "+",
        operationDate: "2026-12-06",
        valueDate: "2026-12-06",
      },
    });
    await db.wealthInvestment.updateMany({ where: { flanksId: "inv-2" }, data: { balanceMinor: 220_000n } });
    await db.wealthLiability.deleteMany({ where: { connectionId } });
    await db.connection.update({ where: { id: connectionId }, data: { state: "NEEDS_SCA", erroredProducts: '["mifid"]' } });
    await db.wealthMifidAnswer.updateMany({ where: { connectionId }, data: { answersJson: '["Más de 5 años"]' } });

    const reviews = await getClientReviews(ana, ids.carmen, NOW);
    expect(reviews.history.map((r) => [r.day, r.note, r.byName, r.isHousehold])).toEqual([["2026-12-05", "Revisión anual", "ana name", false]]);
    const changes = reviews.changes!;
    // 2 000 000 in, 250 000 into inv-1, the loan's 300 000 repaid from outside: flows; inv-2's 20 000: market.
    expect(changes.base.change).toEqual(money(3_000_000n + 970_000n - (1_000_000n + 700_000n - 300_000n), "EUR"));
    expect(changes.base.flows).toEqual({
      accounts: money(2_000_000n, "EUR"),
      investments: money(250_000n, "EUR"),
      liabilities: money(300_000n, "EUR"),
      total: money(2_550_000n, "EUR"),
    });
    expect(changes.base.market).toEqual(money(20_000n, "EUR"));
    expect(changes.positions.grown.map((p) => [p.id, p.percent])).toEqual([["inv-1", 50]]);
    expect(changes.positions.opened).toEqual([]);
    // The default threshold (10 000 €): the new deposit, not the movement before the review.
    expect(changes.movements.map((m) => [m.id, m.amount])).toEqual([["tx-new", money(2_000_000n, "EUR")]]);
    expect(changes.liabilities.repaid.map((l) => l.name)).toEqual(["Préstamo Coche"]);
    expect(changes.connections.broke.map((c) => [c.bank, c.stateNow])).toEqual([["TestBank", "NEEDS_SCA"]]);
    expect(changes.connections.failedProducts.map((c) => c.products)).toEqual([["mifid"]]);
    expect(changes.mifid.map((q) => [q.then, q.now])).toEqual([[["Menos de 2 años"], ["Más de 5 años"]]]);

    // A higher movement threshold of the advisor's own leaves the deposit out.
    await setReviewThresholds(ana, { positionChangePercent: 60, largeMovement: "25000" });
    expect(await getReviewThresholds(ana)).toEqual({ positionChangePercent: 60, largeMovement: money(2_500_000n, "EUR"), isDefault: false });
    const stricter = (await getClientReviews(ana, ids.carmen, NOW)).changes!;
    expect(stricter.movements).toEqual([]);
    expect(stricter.positions.grown).toEqual([]);
    expect((await getReviewThresholds(luis)).isDefault).toBe(true);
  });

  it("marks every member of a household reviewed at once, each with their own snapshot, in one audit event", async () => {
    const { id: householdId } = await createHousehold(ana, { name: "Familia" });
    await setHouseholdMember(ana, { householdId, clientId: ids.carmen, role: "HOLDER" });
    await setHouseholdMember(ana, { householdId, clientId: ids.pablo, role: "CHILD" });
    await expect(markHouseholdReviewed(luis, householdId, { reviewDay: "2026-12-06", note: null }, NOW)).rejects.toEqual(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(await markHouseholdReviewed(ana, householdId, { reviewDay: "2026-12-06", note: "Familiar" }, NOW)).toEqual({ count: 2 });
    const rows = await database.db.clientReview.findMany({ where: { householdId }, orderBy: { clientId: "asc" } });
    expect(rows.map((row) => row.clientId).sort()).toEqual([ids.carmen, ids.pablo].sort());
    const positions = Object.fromEntries(rows.map((row) => [row.clientId, parseReviewSnapshot(row.snapshotJson)!.positions.length]));
    expect(positions).toEqual({ [ids.carmen]: 2, [ids.pablo]: 0 });
    const carmen = await getClientReviews(ana, ids.carmen, NOW);
    expect(carmen.history[0]).toMatchObject({ day: "2026-12-06", note: "Familiar", isHousehold: true });
    // Just reviewed: nothing changed since.
    expect(carmen.changes!.base.change).toEqual(money(0n, "EUR"));
    expect(await database.db.auditEvent.count({ where: { action: "household.review", targetId: householdId } })).toBe(1);
  });

  it("disconnecting a bank erases its figures from the client's past reviews too", async () => {
    const before = await database.db.clientReview.findMany({ where: { clientId: ids.carmen } });
    expect(before.length).toBeGreaterThan(1);
    expect(before.every((row) => row.snapshotJson.includes(ids.connection))).toBe(true);
    await deleteConnection(ana, ids.connection, "connection.disconnect", { isPartOfClientErasure: true });
    const after = await database.db.clientReview.findMany({ where: { clientId: ids.carmen } });
    for (const row of after) {
      expect(row.snapshotJson).not.toContain(ids.connection);
      expect(row.snapshotJson).not.toContain("ES0000000001");
      expect(parseReviewSnapshot(row.snapshotJson)).toMatchObject({ positions: [], accounts: [], liabilities: [], mifid: [], connections: [], totals: [] });
    }
    // The history stays; the comparison has nothing of the bank on either side.
    const reviews = await getClientReviews(ana, ids.carmen, NOW);
    expect(reviews.history).toHaveLength(after.length);
    expect(reviews.changes!.base.change).toEqual(money(0n, "EUR"));
    expect(reviews.changes!.connections.removed).toEqual([]);
  });
});
