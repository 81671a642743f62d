import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { money } from "@/lib/money/money";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/* The book and the inbox, against a real SQLite database: scope, conversion at the right day's rates, ranking by wealth at stake. */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ BASE_CURRENCY: "EUR" }) }));
const { getBook } = await import("./get-book");
const { listActionInbox } = await import("@/lib/services/connections/list-action-inbox");

let database: TTestDatabase;
const ana = { id: "advisor-ana", role: "ADVISOR" as const };
const luis = { id: "advisor-luis", role: "ADVISOR" as const };
const admin = { id: "admin-1", role: "ADMIN" as const };
const NOW = new Date("2026-12-06T10:00:00Z");

async function clientWith(
  advisorId: string,
  name: string,
  connections: { state: string; stateSince: string; accounts: [bigint, string][]; debt?: [bigint, string]; snapshot?: [string, bigint, string] }[],
) {
  const db = database.db;
  const client = await db.client.create({ data: { displayName: name, contactEmail: "c@example.com", advisorId } });
  for (const [index, c] of connections.entries()) {
    const connection = await db.connection.create({
      data: { clientId: client.id, bank: `bank-${index}`, bankName: `Bank ${index}`, linkToken: "t", state: c.state, stateSince: new Date(c.stateSince) },
    });
    for (const [i, [minor, currency]] of c.accounts.entries()) {
      await db.wealthAccount.create({
        data: {
          connectionId: connection.id,
          clientId: client.id,
          flanksId: `a${i}`,
          iban: `ES${i}`,
          alias: "A",
          entity: `bank-${index}`,
          balanceMinor: minor,
          currency,
          numOwners: 1,
        },
      });
    }
    if (c.debt)
      await db.wealthLiability.create({
        data: {
          connectionId: connection.id,
          clientId: client.id,
          flanksId: "l",
          name: "Loan",
          type: "Loan",
          entity: `bank-${index}`,
          balanceMinor: c.debt[0],
          currency: c.debt[1],
        },
      });
    if (c.snapshot) {
      const [day, minor, currency] = c.snapshot;
      await db.wealthSnapshot.create({ data: { connectionId: connection.id, clientId: client.id, day, currency, assetsMinor: minor, liabilitiesMinor: 0n } });
    }
  }
  return client.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = (current.db = database.db);
  current.readDb = database.readDb;
  for (const user of [ana, luis, admin])
    await db.user.create({ data: { id: user.id, email: `${user.id}@example.com`, name: user.id, passwordHash: "x", role: user.role } });
  await db.fxRate.createMany({
    data: [
      { day: "2026-11-06", currency: "USD", perEuro: "1.25", source: "ECB" },
      { day: "2026-12-04", currency: "USD", perEuro: "1.0823", source: "ECB" },
    ],
  });
  // Ana: a healthy client with 1 000 EUR + 1 082.30 USD (= 1 000 EUR) and a 100 EUR loan, 500 USD a month ago (= 400 EUR at 1.25).
  await clientWith(ana.id, "Healthy", [
    {
      state: "OK",
      stateSince: "2026-10-01",
      accounts: [
        [100_000n, "EUR"],
        [108_230n, "USD"],
      ],
      debt: [10_000n, "EUR"],
      snapshot: ["2026-11-05", 50_000n, "USD"],
    },
  ]);
  // Ana: a blocked connection holding little, for a long time; a needs-SCA one holding much (in USD), recent; and CHF without a rate.
  await clientWith(ana.id, "Small but old", [{ state: "BLOCKED", stateSince: "2026-01-01", accounts: [[5_000n, "EUR"]] }]);
  await clientWith(ana.id, "Large in dollars", [{ state: "NEEDS_SCA", stateSince: "2026-12-01", accounts: [[1_082_300n, "USD"]] }]);
  await clientWith(ana.id, "Francs", [{ state: "PARTIAL", stateSince: "2026-11-01", accounts: [[7_000n, "CHF"]] }]);
  // Luis: one client Ana must never see.
  await clientWith(luis.id, "Luis's", [{ state: "ERROR", stateSince: "2025-01-01", accounts: [[99_999_999n, "EUR"]] }]);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("listActionInbox", () => {
  it("ranks by the wealth at stake in the base currency, then urgency and age, within the actor's clients", async () => {
    const items = await listActionInbox(ana);
    expect(items.map((item) => [item.clientName, item.atStake.total])).toEqual([
      ["Large in dollars", money(1_000_000n, "EUR")],
      ["Small but old", money(5_000n, "EUR")],
      ["Francs", money(0n, "EUR")],
    ]);
    expect(items[2]?.atStake.notConverted).toEqual([money(7_000n, "CHF")]);
  });
});

describe("getBook", () => {
  it("adds up an advisor's clients in the base currency, at the newest rates, with a currency without a rate apart", async () => {
    const book = await getBook(ana, { now: NOW });
    expect(book.clientCount).toBe(4);
    // 1 000 + 1 000 (USD) + 50 + 10 000 (USD) EUR; the CHF account is shown apart.
    expect(book.assetsUnderAdvice).toEqual(money(100_000n + 100_000n + 5_000n + 1_000_000n, "EUR"));
    expect(book.net).toEqual(money(1_205_000n - 10_000n, "EUR"));
    expect(book.notConverted).toEqual([money(7_000n, "CHF")]);
    expect(book.ratesDay).toBe("2026-12-04");
    expect(book.byBank.map((slice) => slice.key)).toEqual(["bank-0"]);
    expect(book.needsAction.map((item) => item.clientName)).toEqual(["Large in dollars", "Small but old", "Francs"]);
  });

  it("measures the change since a month ago at that day's rate", async () => {
    const book = await getBook(ana, { now: NOW });
    expect(book.monthAgoDay).toBe("2026-11-06");
    // 500.00 USD at 1.25 (6 November) = 400.00 EUR, not 461.98 at today's 1.0823.
    expect(book.netMonthAgo).toEqual(money(40_000n, "EUR"));
    expect(book.movers[0]).toMatchObject({ clientName: "Large in dollars", change: money(1_000_000n, "EUR") });
    expect(book.movers.find((mover) => mover.clientName === "Healthy")).toMatchObject({
      then: money(40_000n, "EUR"),
      now: money(190_000n, "EUR"),
      change: money(150_000n, "EUR"),
    });
  });

  it("shows an advisor only their own clients, whatever advisor they name; an admin the firm or one advisor", async () => {
    const anaNamingLuis = await getBook(ana, { advisorId: luis.id, now: NOW });
    expect(anaNamingLuis.clientCount).toBe(4);
    expect(anaNamingLuis.needsAction.map((item) => item.clientName)).not.toContain("Luis's");
    expect((await getBook(admin, { now: NOW })).clientCount).toBe(5);
    const luisBook = await getBook(admin, { advisorId: luis.id, now: NOW });
    expect(luisBook.clientCount).toBe(1);
    expect(luisBook.assetsUnderAdvice).toEqual(money(99_999_999n, "EUR"));
    await expect(getBook(admin, { advisorId: admin.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reuses the grouped sums while no sync wrote, and adds a sync's data on the next view", async () => {
    const before = (await getBook(luis, { now: NOW })).assetsUnderAdvice;
    const connection = await database.db.connection.findFirstOrThrow({ where: { client: { advisorId: luis.id } } });
    // A write that bypasses the sync (no new run id) is not seen: proof that the second view came from the cache.
    await database.db.wealthAccount.updateMany({ where: { connectionId: connection.id }, data: { balanceMinor: 1n } });
    expect((await getBook(luis, { now: NOW })).assetsUnderAdvice).toEqual(before);
    // A sync writes its rows and a new run id together.
    await database.db.wealthSyncState.create({
      data: { connectionId: connection.id, clientId: connection.clientId, lastSyncedAt: NOW, lastSyncRunId: "run-1" },
    });
    expect((await getBook(luis, { now: NOW })).assetsUnderAdvice).toEqual(money(1n, "EUR"));
  });

  it("allocates positions by type and accounts as such, by bank with an entity sent as null under its connection's bank", async () => {
    const eva = { id: "advisor-eva", role: "ADVISOR" as const };
    const db = database.db;
    await db.user.create({ data: { id: eva.id, email: "eva@example.com", name: "Eva", passwordHash: "x", role: "ADVISOR" } });
    const client = await db.client.create({ data: { displayName: "Broker client", contactEmail: "b@example.com", advisorId: eva.id } });
    const connection = await db.connection.create({ data: { clientId: client.id, bank: "bank-x", bankName: "Bank X", linkToken: "t", state: "OK" } });
    const ids = { connectionId: connection.id, clientId: client.id };
    await db.wealthAccount.create({
      data: { ...ids, flanksId: "a", iban: "ES1", alias: "A", entity: "", balanceMinor: 50_000n, currency: "EUR", numOwners: 1 },
    });
    const position = (flanksId: string, type: string, entity: string, balanceMinor: bigint, currency: string) => ({
      ...ids,
      flanksId,
      portfolioId: "p",
      name: flanksId,
      isin: "ES0000000001",
      type,
      entity,
      currency,
      quantity: "1",
      isNominal: false,
      balanceMinor,
    });
    await db.wealthInvestment.createMany({
      data: [position("f1", "F", "broker-y", 30_000n, "EUR"), position("f2", "F", "", 108_230n, "USD"), position("r1", "RV", "broker-y", 20_000n, "EUR")],
    });
    const book = await getBook(eva, { now: NOW });
    // 1 082.30 USD at 1.0823 = 1 000.00 EUR.
    expect(book.assetsUnderAdvice).toEqual(money(200_000n, "EUR"));
    expect(book.clientsWithData).toBe(1);
    expect(book.byType.map((slice) => [slice.key, slice.minor])).toEqual([
      ["F", 130_000n],
      ["ACCOUNTS", 50_000n],
      ["RV", 20_000n],
    ]);
    expect(book.byBank.map((slice) => [slice.key, slice.minor])).toEqual([
      ["bank-x", 150_000n],
      ["broker-y", 50_000n],
    ]);
    expect(book.bankNames).toEqual({ "bank-x": "Bank X" });
  });
});
