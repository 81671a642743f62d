import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/* The positions table's SQL against a real SQLite database: pages, order, filters, and totals over every match. */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
const { listInvestments, INVESTMENT_PAGE_SIZE, ZInvestmentListQuerySchema } = await import("./list-investments");

let database: TTestDatabase;
const actor = { id: "advisor-1", role: "ADVISOR" as const };
let clientId = "";
type TPosition = { name: string; isin: string; type: string; entity: string; currency: string; quantity: string; balanceMinor: bigint };
const positions: TPosition[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = (current.db = database.db);
  current.readDb = database.readDb;
  await db.user.create({ data: { id: actor.id, email: "a@example.com", name: "A", passwordHash: "x" } });
  clientId = (await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: actor.id } })).id;
  const named = await db.connection.create({ data: { clientId, bank: "testbank", bankName: "TestBank (sandbox)", linkToken: "t", state: "OK" } });
  const unnamed = await db.connection.create({ data: { clientId, bank: "zeta-broker", linkToken: "u", state: "OK" } });
  await db.wealthPortfolio.create({
    data: { connectionId: named.id, clientId, flanksId: "pf1", name: "Cartera A", currency: "EUR", entity: "testbank", balanceMinor: 0n },
  });
  for (let i = 0; i < 120; i++) {
    const position: TPosition = {
      name: `Fondo ${String(i).padStart(3, "0")}${i === 7 ? " 100%_real" : ""}`,
      isin: `ES${String(1000000000 + i)}`,
      type: i % 11 === 0 ? "XYZ" : i % 2 ? "F" : "ETF",
      entity: i % 3 === 0 ? "zeta-broker" : "testbank",
      currency: i % 5 === 0 ? "USD" : "EUR",
      // 9 sorts after 10 as text, not as a number.
      quantity: String((i * 37) % 101) + (i % 4 ? ".5" : ""),
      balanceMinor: BigInt(((i * 7919) % 100_000) + 1) * 100_000_000_000n,
    };
    positions.push(position);
    const connectionId = position.entity === "testbank" ? named.id : unnamed.id;
    await db.wealthInvestment.create({ data: { ...position, connectionId, clientId, flanksId: `inv${i}`, portfolioId: "pf1", isNominal: false } });
  }
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const list = (params: Record<string, string>) => listInvestments(actor, clientId, ZInvestmentListQuerySchema.parse(params));
const sum = (rows: TPosition[], currency: string) => rows.filter((p) => p.currency === currency).reduce((total, p) => total + p.balanceMinor, 0n);

describe("listInvestments", () => {
  it("shows one page and totals every matching position per currency, exactly", async () => {
    const first = await list({});
    expect(first).toMatchObject({ total: 120, matching: 120, page: 1, pageCount: Math.ceil(120 / INVESTMENT_PAGE_SIZE) });
    expect(first.rows).toHaveLength(INVESTMENT_PAGE_SIZE);
    expect(first.rows[0]!.name).toBe("Fondo 000");
    // Beyond 2^53 minor units: summed exactly.
    expect(sum(positions, "EUR")).toBeGreaterThan(2n ** 53n);
    expect(first.totals.map((t) => [t.currency, t.positions, t.value.minor])).toEqual([
      ["EUR", 96, sum(positions, "EUR")],
      ["USD", 24, sum(positions, "USD")],
    ]);
    const last = await list({ page: "99" });
    expect(last.page).toBe(3);
    expect(last.rows.map((r) => r.name)).toEqual(positions.slice(100).map((p) => p.name));
  });

  it("sorts quantities as numbers and values descending across pages", async () => {
    const byQuantity = (await list({ sort: "quantity" })).rows.map((r) => Number(r.quantity));
    expect(byQuantity).toEqual([...byQuantity].sort((a, b) => a - b));
    const expected = [...positions].sort((a, b) => (a.balanceMinor === b.balanceMinor ? 0 : a.balanceMinor < b.balanceMinor ? 1 : -1));
    expect((await list({ sort: "value", dir: "desc", page: "2" })).rows.map((r) => r.name)).toEqual(expected.slice(50, 100).map((p) => p.name));
  });

  it("filters by text (wildcards taken literally), type, unknown types and bank; totals follow the filter", async () => {
    expect((await list({ q: "100%_" })).rows.map((r) => r.name)).toEqual(["Fondo 007 100%_real"]);
    expect((await list({ q: "%" })).matching).toBe(1);
    expect((await list({ q: "es100000001" })).matching).toBe(10);
    const other = await list({ type: "OTHER" });
    expect(other.matching).toBe(positions.filter((p) => p.type === "XYZ").length);
    const zeta = positions.filter((p) => p.entity === "zeta-broker");
    const byBank = await list({ bank: "zeta-broker" });
    expect(byBank.matching).toBe(zeta.length);
    expect(byBank.totals.find((t) => t.currency === "EUR")?.value.minor).toBe(sum(zeta, "EUR"));
  });

  it("names banks by the connection's bank name, else the entity id", async () => {
    const result = await list({ sort: "bank", dir: "desc" });
    expect(result.banks).toEqual([
      { value: "testbank", label: "TestBank (sandbox)" },
      { value: "zeta-broker", label: "zeta-broker" },
    ]);
    expect(result.rows[0]!.bank).toBe("zeta-broker");
    expect((await list({ sort: "bank" })).rows[0]).toMatchObject({ bank: "TestBank (sandbox)", portfolio: "Cartera A" });
  });
});
