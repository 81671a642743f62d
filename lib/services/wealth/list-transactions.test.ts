import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { encodeLedgerKey, parseLedgerQuery } from "@/lib/wealth/ledger-query";

/*
 * The ledger's SQL against a real SQLite database with every migration: paging, sorting, amount
 * bounds, and the text filter through the FTS5 index that migration 0006's triggers keep in step.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
const { iterateTransactions, listTransactions } = await import("./list-transactions");

let database: TTestDatabase;
const actor = { id: "advisor-1", role: "ADVISOR" as const };
let clientId = "";
let connectionId = "";

const DESCRIPTIONS = [
  "RECIBO IBERDROLA CLIENTES",
  "TRANSFERENCIA A JAVIER MARTÍN PÉREZ",
  "COMPRA TARJ. RENFE",
  "Recibo comunidad",
  "ABONO INTERESES",
  "PRERECIBO raro",
];
type TRow = { id: string; description: string; amountMinor: bigint; currency: string; operationDate: string };
const rows: TRow[] = [];

async function insert(row: TRow): Promise<void> {
  await current.db!.wealthAccountTransaction.create({
    data: { ...row, connectionId, clientId, flanksId: row.id, accountId: "ES00", entity: "testbank", valueDate: row.operationDate, category: "Suministros" },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  current.readDb = database.readDb;
  await database.db.user.create({ data: { id: actor.id, email: "a@example.com", name: "A", passwordHash: "x" } });
  clientId = (await database.db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: actor.id } })).id;
  connectionId = (await database.db.connection.create({ data: { clientId, bank: "testbank", linkToken: "t", state: "OK" } })).id;
  // Another client's matching row must never be counted or shown.
  const otherClient = (await database.db.client.create({ data: { displayName: "D", contactEmail: "d@example.com", advisorId: actor.id } })).id;
  const otherConnection = (await database.db.connection.create({ data: { clientId: otherClient, bank: "testbank", linkToken: "o", state: "OK" } })).id;
  await database.db.wealthAccountTransaction.create({
    data: {
      id: "other",
      connectionId: otherConnection,
      clientId: otherClient,
      flanksId: "o",
      accountId: "ES00",
      entity: "testbank",
      amountMinor: 1n,
      currency: "EUR",
      operationDate: "2025-01-01",
      valueDate: "2025-01-01",
      description: "RECIBO IBERDROLA",
    },
  });
  for (let i = 0; i < 130; i++) {
    const row = {
      id: `tx${String(i).padStart(3, "0")}`,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length]!,
      amountMinor: BigInt(((i * 7919) % 2000) - 1000),
      currency: i % 10 === 0 ? "USD" : "EUR",
      operationDate: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    };
    rows.push(row);
    await insert(row);
  }
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const list = (params: Record<string, string>) => listTransactions(actor, clientId, "account", parseLedgerQuery(params).query);
const byDateDesc = (a: TRow, b: TRow) => (a.operationDate === b.operationDate ? (a.id < b.id ? 1 : -1) : a.operationDate < b.operationDate ? 1 : -1);

describe("listTransactions", () => {
  it("pages in the requested order; a page past the end shows the last one", async () => {
    const expected = [...rows].sort(byDateDesc).map((r) => r.id);
    const first = await list({ size: "25" });
    expect(first).toMatchObject({ total: 130, page: 1, pageCount: 6 });
    expect(first.rows.map((r) => r.id)).toEqual(expected.slice(0, 25));
    const last = await list({ size: "25", page: "99" });
    expect(last.page).toBe(6);
    expect(last.rows.map((r) => r.id)).toEqual(expected.slice(125));
    const byAmount = await list({ sort: "amount", dir: "asc", size: "25", page: "2" });
    const amounts = [...rows].sort((a, b) => (a.amountMinor === b.amountMinor ? (a.id < b.id ? -1 : 1) : a.amountMinor < b.amountMinor ? -1 : 1));
    expect(byAmount.rows.map((r) => r.id)).toEqual(amounts.slice(25, 50).map((r) => r.id));
  });

  it("pages by key: following next links, then previous links, reads the same rows as the page numbers, in every order", async () => {
    const orders: Record<string, string>[] = [
      {},
      { sort: "amount", dir: "asc" },
      { sort: "description", dir: "asc" },
      { sort: "valueDate", dir: "desc" },
      { q: "recibo" },
    ];
    for (const order of orders) {
      const params = { ...order, size: "25" };
      const byNumber: string[][] = [];
      for (let page = 1; page <= 6; page++) byNumber.push((await list({ ...params, page: String(page) })).rows.map((r) => r.id));
      let current = await list(params);
      const forward = [current.rows.map((r) => r.id)];
      while (current.page < current.pageCount) {
        current = await list({ ...params, page: String(current.page + 1), after: encodeLedgerKey(current.lastKey!) });
        forward.push(current.rows.map((r) => r.id));
      }
      expect(forward).toEqual(byNumber.slice(0, forward.length));
      expect(forward.flat()).toHaveLength(current.total);
      const backward = [current.rows.map((r) => r.id)];
      while (current.page > 1) {
        current = await list({ ...params, page: String(current.page - 1), before: encodeLedgerKey(current.firstKey!) });
        backward.unshift(current.rows.map((r) => r.id));
      }
      expect(backward).toEqual(forward);
    }
  });

  it("reads a next page from a key whose row is gone, and the first page when a previous link has too few rows before it", async () => {
    const expected = [...rows].sort(byDateDesc).map((r) => r.id);
    // An id no row has, just below page 1's last one: where that row was, had it been deleted.
    const last = expected[24]!;
    const gone = `${last.slice(0, -1)}${String.fromCharCode(last.charCodeAt(last.length - 1) - 1)}~`;
    const second = await list({ size: "25", page: "2", after: encodeLedgerKey({ value: rows.find((r) => r.id === last)!.operationDate, id: gone }) });
    expect(second.rows.map((r) => r.id)).toEqual(expected.slice(25, 50));
    // A sync adding a newer row between two clicks shifts every page number by one row; the next link's key does not.
    const first = await list({ size: "25" });
    await insert({ id: "txlate", description: "Llegó después", amountMinor: 1n, currency: "EUR", operationDate: "2026-06-01" });
    expect((await list({ size: "25", page: "2", after: encodeLedgerKey(first.lastKey!) })).rows.map((r) => r.id)).toEqual(expected.slice(25, 50));
    expect((await list({ size: "25", page: "2" })).rows[0]?.id).toBe(expected[24]);
    await current.db!.wealthAccountTransaction.delete({ where: { id: "txlate" } });
    const stale = await list({
      size: "25",
      page: "3",
      before: encodeLedgerKey({ value: rows.find((r) => r.id === expected[10])!.operationDate, id: expected[10]! }),
    });
    expect(stale.page).toBe(1);
    expect(stale.rows.map((r) => r.id)).toEqual(expected.slice(0, 25));
    // A page in the back half is read from the other end, in the same order.
    expect((await list({ size: "25", page: "5" })).rows.map((r) => r.id)).toEqual(expected.slice(100, 125));
  });

  it("pages a card ledger by shop, shops missing sorting first", async () => {
    const cardConnection = (await database.db.connection.create({ data: { clientId, bank: "testbank", linkToken: "cards", state: "OK" } })).id;
    const shops = Array.from({ length: 30 }, (_, i) => ({ id: `card${String(i).padStart(2, "0")}`, shop: i % 3 === 0 ? null : `Tienda ${i % 4}` }));
    for (const { id, shop } of shops)
      await database.db.wealthCardTransaction.create({
        data: {
          id,
          shop,
          connectionId: cardConnection,
          clientId,
          flanksId: id,
          cardId: "C1",
          entity: "testbank",
          amountMinor: -100n,
          currency: "EUR",
          operationDate: "2025-05-05",
          valueDate: "2025-05-05",
        },
      });
    const expected = [...shops]
      .sort((a, b) => ((a.shop ?? "") === (b.shop ?? "") ? (a.id < b.id ? -1 : 1) : (a.shop ?? "") < (b.shop ?? "") ? -1 : 1))
      .map((r) => r.id);
    const query = (params: Record<string, string>) =>
      listTransactions(actor, clientId, "card", parseLedgerQuery({ sort: "description", dir: "asc", size: "25", ...params }).query);
    const first = await query({});
    const next = await query({ page: "2", after: encodeLedgerKey(first.lastKey!) });
    expect([...first.rows, ...next.rows].map((r) => r.id)).toEqual(expected);
    expect((await query({ page: "1", before: encodeLedgerKey(next.firstKey!) })).rows.map((r) => r.id)).toEqual(expected.slice(0, 25));
    await database.db.connection.delete({ where: { id: cardConnection } });
  });

  it("finds words by their start, in any case and with or without accents; never a word's middle", async () => {
    const recibo = rows.filter((r) => /^recibo/i.test(r.description)).sort(byDateDesc);
    const found = await list({ q: "recibo", size: "25", page: "2" });
    expect(found.total).toBe(recibo.length);
    expect(found.rows.map((r) => r.id)).toEqual(recibo.slice(25, 50).map((r) => r.id));
    expect((await list({ q: "reci iberd" })).total).toBe(rows.filter((r) => r.description.startsWith("RECIBO IBERDROLA")).length);
    expect((await list({ q: "martin perez" })).total).toBe(rows.filter((r) => r.description.includes("MARTÍN")).length);
    expect((await list({ q: "suministros" })).total).toBe(130);
    expect((await list({ q: "cibo" })).total).toBe(0);
    expect((await list({ q: '" OR *' })).total).toBe(0);
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("combines the text filter with amount bounds in each row's currency", async () => {
    const expected = rows.filter((r) => r.description.startsWith("RECIBO IBERDROLA") && r.amountMinor >= -500n && r.amountMinor <= 250n);
    const found = await list({ q: "iberdrola", min: "-5", max: "2.50", size: "100" });
    expect(found.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(found.total).toBe(expected.length);
  });

  it("counts the text filter together with every other filter (a text filter alone is counted in the index)", async () => {
    const recibo = rows.filter((r) => /^recibo/i.test(r.description));
    expect((await list({ q: "recibo" })).total).toBe(recibo.length);
    expect((await list({ q: "recibo", product: "ES00" })).total).toBe(recibo.length);
    expect((await list({ q: "recibo", product: "ES99" })).total).toBe(0);
    expect((await list({ q: "recibo", from: "2025-07-01" })).total).toBe(recibo.filter((r) => r.operationDate >= "2025-07-01").length);
    expect((await list({ q: "recibo", to: "2025-03-31" })).total).toBe(recibo.filter((r) => r.operationDate <= "2025-03-31").length);
  });

  it("keeps the index in step with inserts, updates and deletes, also by cascade", async () => {
    await insert({ id: "txnew", description: "Cuota gimnasio", amountMinor: -3000n, currency: "EUR", operationDate: "2026-01-01" });
    expect((await list({ q: "gimnasio" })).rows.map((r) => r.id)).toEqual(["txnew"]);
    await current.db!.wealthAccountTransaction.update({ where: { id: "txnew" }, data: { description: "Cuota piscina" } });
    expect((await list({ q: "gimnasio" })).total).toBe(0);
    expect((await list({ q: "piscina" })).total).toBe(1);
    await current.db!.wealthAccountTransaction.delete({ where: { id: "txnew" } });
    expect((await list({ q: "piscina" })).total).toBe(0);

    const exported = [];
    for await (const batch of iterateTransactions(actor, clientId, "account", parseLedgerQuery({ q: "recibo" }).query, 7))
      exported.push(...batch.map((r) => r.id));
    expect(exported).toEqual(
      rows
        .filter((r) => /^recibo/i.test(r.description))
        .sort(byDateDesc)
        .map((r) => r.id),
    );

    await current.db!.connection.delete({ where: { id: connectionId } });
    // SQLite: the FTS5 table itself holds nothing of the client. PostgreSQL's index is over the rows themselves (an expression index), gone with them.
    const [left] =
      database.dialect === "sqlite"
        ? await current.db!.$queryRaw<
            { n: bigint | number }[]
          >`SELECT count(*) AS n FROM "WealthAccountTransactionSearch" WHERE "WealthAccountTransactionSearch" MATCH ${`"clientId" : "${clientId}" AND "text" : recibo*`}`
        : await current.db!.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM "WealthAccountTransaction" WHERE "clientId" = ${clientId}`;
    expect(Number(left?.n)).toBe(0);
  });
});
