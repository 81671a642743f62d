import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import { money } from "@/lib/money/money";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * Households through their services, on a real database: who reaches which household, who may be a
 * member, what reassigning a client does, and the figures of a household whose two members share an account.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000", BASE_CURRENCY: "EUR" }) }));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
const { createHousehold } = await import("./create-household");
const { renameHousehold } = await import("./rename-household");
const { setHouseholdMember } = await import("./set-household-member");
const { removeHouseholdMember } = await import("./remove-household-member");
const { deleteHousehold } = await import("./delete-household");
const { listHouseholds } = await import("./list-households");
const { getHousehold } = await import("./get-household");
const { getHouseholdWealth } = await import("./get-household-wealth");
const { getHouseholdBaseWealth } = await import("./get-household-base-wealth");
const { listHouseholdsWithWealth } = await import("./list-households-with-wealth");
const { getClientHousehold } = await import("./get-client-household");
const { reassignClient } = await import("@/lib/services/clients/reassign-client");

let database: TTestDatabase;
const user = (id: string, role: "ADVISOR" | "ADMIN"): TSessionUser => ({ id, email: `${id}@example.com`, name: id, role, locale: null, sessionId: "s" });
const ana = user("ana", "ADVISOR");
const luis = user("luis", "ADVISOR");
const admin = user("admin", "ADMIN");
const ids = { carmen: "", pablo: "", lucia: "", luisClient: "" };

async function client(displayName: string, advisorId: string): Promise<string> {
  return (await database.db.client.create({ data: { displayName, contactEmail: "c@example.com", advisorId } })).id;
}

/** A synced connection of the client at testbank with these accounts (IBAN as sent, balance in minor units, currency: EUR unless given). */
async function connectWithAccounts(clientId: string, accounts: [string, bigint, string?][], dataAsOfAt: Date) {
  const db = database.db;
  const connection = await db.connection.create({ data: { clientId, bank: "testbank", bankName: "TestBank", linkToken: "t", state: "READY", pending: false } });
  for (const [n, [iban, balanceMinor, currency = "EUR"]] of accounts.entries()) {
    await db.wealthAccount.create({
      data: {
        connectionId: connection.id,
        clientId,
        flanksId: `${connection.id}-${n}`,
        iban,
        alias: `Cuenta ${n}`,
        entity: "testbank",
        balanceMinor,
        currency,
        numOwners: 1,
      },
    });
  }
  await db.wealthSyncState.create({
    data: { connectionId: connection.id, clientId, lastSyncedAt: dataAsOfAt, lastSyncRunId: `run-${connection.id}`, dataAsOfAt },
  });
  return connection.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  current.readDb = database.readDb;
  for (const u of [ana, luis, admin]) await database.db.user.create({ data: { id: u.id, email: u.email, name: u.name, passwordHash: "x", role: u.role } });
  ids.carmen = await client("Carmen", ana.id);
  ids.pablo = await client("Pablo", ana.id);
  ids.lucia = await client("Lucía", ana.id);
  ids.luisClient = await client("Luis's client", luis.id);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const auditActions = async (householdId: string) =>
  (await database.db.auditEvent.findMany({ where: { targetType: "household", targetId: householdId }, orderBy: { id: "asc" } })).map((event) => event.action);

describe("household services", () => {
  it("an advisor creates, renames, fills and deletes a household; each change is audited", async () => {
    const { id } = await createHousehold(ana, { name: "Familia Ruiz" });
    await renameHousehold(ana, id, { name: "Familia Ruiz López" });
    await setHouseholdMember(ana, { householdId: id, clientId: ids.carmen, role: "HOLDER" });
    await setHouseholdMember(ana, { householdId: id, clientId: ids.pablo, role: "CHILD" });
    await setHouseholdMember(ana, { householdId: id, clientId: ids.pablo, role: "SPOUSE" });
    await removeHouseholdMember(ana, { householdId: id, clientId: ids.pablo });
    const household = await getHousehold(ana, id);
    expect(household.name).toBe("Familia Ruiz López");
    expect(household.members.map((m) => [m.displayName, m.role])).toEqual([["Carmen", "HOLDER"]]);
    expect(household.candidates.map((c) => c.displayName)).toEqual(["Lucía", "Pablo"]);
    expect(await getClientHousehold(ana, ids.carmen)).toEqual({ id, name: "Familia Ruiz López", role: "HOLDER" });
    await deleteHousehold(ana, id);
    expect(await getClientHousehold(ana, ids.carmen)).toBeNull();
    expect(await database.db.client.count({ where: { id: ids.carmen } })).toBe(1);
    expect(await auditActions(id)).toEqual([
      "household.create",
      "household.update",
      "household.update",
      "household.update",
      "household.update",
      "household.update",
      "household.delete",
    ]);
  });

  it("another advisor reaches Ana's household by no service: each answers NOT_FOUND and changes nothing", async () => {
    const { id } = await createHousehold(ana, { name: "Ana's" });
    await setHouseholdMember(ana, { householdId: id, clientId: ids.carmen, role: "HOLDER" });
    const notFound = expect.objectContaining({ code: "NOT_FOUND" });
    await expect(getHousehold(luis, id)).rejects.toEqual(notFound);
    await expect(getHouseholdWealth(luis, id)).rejects.toEqual(notFound);
    await expect(renameHousehold(luis, id, { name: "Mine" })).rejects.toEqual(notFound);
    await expect(setHouseholdMember(luis, { householdId: id, clientId: ids.luisClient, role: "OTHER" })).rejects.toEqual(notFound);
    await expect(removeHouseholdMember(luis, { householdId: id, clientId: ids.carmen })).rejects.toEqual(notFound);
    await expect(deleteHousehold(luis, id)).rejects.toEqual(notFound);
    await expect(getClientHousehold(luis, ids.carmen)).rejects.toEqual(notFound);
    await expect(getHousehold(luis, "not an id")).rejects.toEqual(notFound);
    expect((await listHouseholds(luis)).map((h) => h.id)).not.toContain(id);
    expect((await listHouseholds(admin)).map((h) => h.id)).toContain(id);
    // Luis's own household cannot take Ana's client either.
    const own = await createHousehold(luis, { name: "Luis's" });
    await expect(setHouseholdMember(luis, { householdId: own.id, clientId: ids.lucia, role: "OTHER" })).rejects.toEqual(notFound);
    expect((await getHousehold(ana, id)).name).toBe("Ana's");
    expect((await getHousehold(ana, id)).members.map((m) => m.clientId)).toEqual([ids.carmen]);
    await deleteHousehold(ana, id);
    await deleteHousehold(luis, own.id);
  });

  it("admins see and manage every household, but only with the clients of its advisor; they do not create one", async () => {
    const { id } = await createHousehold(ana, { name: "Admin managed" });
    await expect(createHousehold(admin, { name: "x" })).rejects.toEqual(expect.objectContaining({ code: "FORBIDDEN" }));
    await setHouseholdMember(admin, { householdId: id, clientId: ids.lucia, role: "OWNER" });
    await expect(setHouseholdMember(admin, { householdId: id, clientId: ids.luisClient, role: "OTHER" })).rejects.toEqual(
      expect.objectContaining({ code: "BAD_REQUEST", message: "householdOtherAdvisor" }),
    );
    await renameHousehold(admin, id, { name: "Renamed by admin" });
    expect((await getHousehold(ana, id)).members.map((m) => [m.clientId, m.role])).toEqual([[ids.lucia, "OWNER"]]);
    await deleteHousehold(admin, id);
  });

  it("a client belongs to at most one household", async () => {
    const first = await createHousehold(ana, { name: "First" });
    const second = await createHousehold(ana, { name: "Second" });
    await setHouseholdMember(ana, { householdId: first.id, clientId: ids.pablo, role: "CHILD" });
    await expect(setHouseholdMember(ana, { householdId: second.id, clientId: ids.pablo, role: "CHILD" })).rejects.toEqual(
      expect.objectContaining({ code: "CONFLICT" }),
    );
    await expect(removeHouseholdMember(ana, { householdId: second.id, clientId: ids.pablo })).rejects.toEqual(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect((await getClientHousehold(ana, ids.pablo))?.id).toBe(first.id);
    await deleteHousehold(ana, first.id);
    await deleteHousehold(ana, second.id);
  });

  it("reassigning a client to another advisor takes it out of its household, in the same transaction, audited", async () => {
    const moved = await client("Moved", ana.id);
    const { id } = await createHousehold(ana, { name: "Reassigned" });
    await setHouseholdMember(ana, { householdId: id, clientId: moved, role: "SPOUSE" });
    await reassignClient(admin, moved, luis.id);
    expect(await getClientHousehold(luis, moved)).toBeNull();
    expect((await getHousehold(ana, id)).members).toEqual([]);
    const reassign = await database.db.auditEvent.findFirst({ where: { action: "client.reassign", targetId: moved } });
    expect(JSON.parse(reassign!.details)).toEqual({ from: ana.id, to: luis.id, leftHousehold: id });
    expect((await auditActions(id)).at(-1)).toBe("household.update");
    await deleteHousehold(ana, id);
  });

  it("the household's wealth counts the joint account once, names both holders, and lists each member's connections", async () => {
    const a = await client("Holder A", ana.id);
    const b = await client("Holder B", ana.id);
    await connectWithAccounts(
      a,
      [
        ["ES9121000418450200051332", 20_000_00n],
        ["ES7620770024003102575766", 1_000_00n],
      ],
      new Date("2026-12-01T08:00:00Z"),
    );
    await connectWithAccounts(
      b,
      [
        ["es91 2100 0418 4502 0005 1332", 20_000_00n],
        ["ES1000491500051234567892", 500_00n],
      ],
      new Date("2026-12-02T08:00:00Z"),
    );
    const { id } = await createHousehold(ana, { name: "Joint" });
    await setHouseholdMember(ana, { householdId: id, clientId: a, role: "HOLDER" });
    await setHouseholdMember(ana, { householdId: id, clientId: b, role: "SPOUSE" });
    const wealth = await getHouseholdWealth(ana, id);
    expect(wealth.currencies.map((c) => [c.currency, c.assets.minor, c.net.minor])).toEqual([["EUR", 21_500_00n, 21_500_00n]]);
    expect(wealth.sharedProducts).toHaveLength(1);
    expect(wealth.sharedProducts[0]).toMatchObject({ reference: "es91 2100 0418 4502 0005 1332", holderClientIds: [a, b], connectionCount: 2 });
    expect(wealth.connections.map((c) => [c.clientId, c.connection.state, c.connection.bankLabel])).toEqual([
      [a, "READY", "TestBank"],
      [b, "READY", "TestBank"],
    ]);
    expect(wealth.hasData).toBe(true);
    expect(wealth.bankNames).toEqual({ testbank: "TestBank" });

    // Kept per version of the members' data: a row changed outside a sync is not seen, a sync (a new run id) is.
    const eurAssets = async () => (await getHouseholdWealth(ana, id)).currencies[0]!.assets.minor;
    const db = database.db;
    const connectionOfA = (await db.connection.findFirst({ where: { clientId: a }, select: { id: true } }))!.id;
    await db.wealthAccount.updateMany({ where: { clientId: a, iban: "ES7620770024003102575766" }, data: { balanceMinor: 2_000_00n } });
    expect(await eurAssets()).toBe(21_500_00n);
    await db.wealthSyncState.update({ where: { connectionId: connectionOfA }, data: { lastSyncRunId: "run-2" } });
    expect(await eurAssets()).toBe(22_500_00n);
    // A member leaving changes the figures at once.
    await removeHouseholdMember(ana, { householdId: id, clientId: b });
    expect(await eurAssets()).toBe(22_000_00n);
  });

  it("the household's figures in the base currency: a member in dollars and one in euros added up at the ECB rate, a currency without a rate shown apart", async () => {
    const db = database.db;
    // 1 EUR = 1.0823 USD on the 4th (the newest), 1.25 before; no rate at all for CHF.
    await db.fxRate.createMany({
      data: [
        { day: "2026-12-01", currency: "USD", perEuro: "1.25", source: "ECB" },
        { day: "2026-12-04", currency: "USD", perEuro: "1.0823", source: "ECB" },
      ],
    });
    const dollars = await client("Dollar holder", ana.id);
    const euros = await client("Euro holder", ana.id);
    await connectWithAccounts(
      dollars,
      [
        ["US-ACCOUNT-1", 1_082_30n, "USD"],
        ["CH9300762011623852957", 500_00n, "CHF"],
      ],
      new Date("2026-12-04T08:00:00Z"),
    );
    await connectWithAccounts(euros, [["ES6000491500051234567892", 2_000_00n]], new Date("2026-12-04T08:00:00Z"));
    const { id } = await createHousehold(ana, { name: "Two currencies" });
    await setHouseholdMember(ana, { householdId: id, clientId: dollars, role: "HOLDER" });
    await setHouseholdMember(ana, { householdId: id, clientId: euros, role: "SPOUSE" });

    const { base, currencies } = await getHouseholdBaseWealth(ana, id);
    // The per-currency figures stay as held.
    expect(currencies.map((c) => [c.currency, c.net.minor])).toEqual([
      ["CHF", 500_00n],
      ["EUR", 2_000_00n],
      ["USD", 1_082_30n],
    ]);
    // 1 082.30 USD / 1.0823 = 1 000.00 EUR, plus 2 000.00 EUR; the francs in no total and not at 1.
    expect(base.currency).toBe("EUR");
    expect(base.assets).toEqual(money(3_000_00n, "EUR"));
    expect(base.liabilities).toEqual(money(0n, "EUR"));
    expect(base.net).toEqual(money(3_000_00n, "EUR"));
    expect(base.ratesDay).toBe("2026-12-04");
    expect(base.notConverted).toEqual([{ currency: "CHF", assets: money(500_00n, "CHF"), liabilities: money(0n, "CHF"), net: money(500_00n, "CHF") }]);
    expect(base.byCurrency.map((slice) => [slice.key, slice.minor])).toEqual([
      ["EUR", 2_000_00n],
      ["USD", 1_000_00n],
    ]);
    expect(base.byBank.map((slice) => [slice.key, slice.minor])).toEqual([["testbank", 3_000_00n]]);
    expect(base.byType.map((slice) => [slice.key, slice.minor])).toEqual([["ACCOUNTS", 3_000_00n]]);

    // An advisor who reads in dollars gets the same household in dollars: 2 000.00 EUR × 1.0823 = 2 164.60 USD.
    await db.user.update({ where: { id: ana.id }, data: { baseCurrency: "USD" } });
    try {
      const inDollars = await getHouseholdBaseWealth({ ...ana }, id);
      expect(inDollars.base.net).toEqual(money(3_246_90n, "USD"));
    } finally {
      await db.user.update({ where: { id: ana.id }, data: { baseCurrency: null } });
    }

    // The list shows the page's own net figure, the francs apart.
    const listed = (await listHouseholdsWithWealth(ana)).find((household) => household.id === id);
    expect(listed?.net).toEqual({ total: money(3_000_00n, "EUR"), notConverted: [money(500_00n, "CHF")], ratesDay: "2026-12-04" });
    // Another advisor reaches it through neither.
    await expect(getHouseholdBaseWealth(luis, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listHouseholdsWithWealth(luis)).some((household) => household.id === id)).toBe(false);
  });
});
