import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createSqliteTestDatabase, createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { parseLedgerQuery, type TLedgerKind } from "@/lib/wealth/ledger-query";

/*
 * The same ledgers in SQLite (FTS5) and PostgreSQL (GIN over a tsvector), the same searches, the
 * same rows in the same order: accents, case, punctuation, word prefixes, several words, words
 * inside identifiers, each of the four transaction kinds, paging and the other filters alongside.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
const { listTransactions } = await import("./list-transactions");

const actor = { id: "advisor-1", role: "ADVISOR" as const };
const clientId = "client00000000000000000001";
const databases: TTestDatabase[] = [];

const TEXTS = [
  "RECIBO IBERDROLA CLIENTES S.A.U.",
  "Transferencia a Javier Martín Pérez",
  "COMPRA TARJ. 4567*** RENFE-VIAJEROS",
  "recibo comunidad de propietarios",
  "Abono intereses 1,25%",
  "PRERECIBO raro",
  "Cuota Año 2025 – Ñandú Club",
  "pago en ÉPOCA/Señor",
  "ES76-2100 0418 4502 0005 1332",
  "niño e-commerce café",
  "Pago ТОВАРЫ Москва Straße",
];

async function fill(database: TTestDatabase): Promise<void> {
  const { db } = database;
  await db.user.create({ data: { id: actor.id, email: "a@example.com", name: "A", passwordHash: "x" } });
  await db.client.create({ data: { id: clientId, displayName: "C", contactEmail: "c@example.com", advisorId: actor.id } });
  await db.client.create({ data: { id: "client00000000000000000002", displayName: "D", contactEmail: "d@example.com", advisorId: actor.id } });
  const connectionId = (await db.connection.create({ data: { clientId, bank: "testbank", linkToken: "t", state: "OK" } })).id;
  const other = (await db.connection.create({ data: { clientId: "client00000000000000000002", bank: "testbank", linkToken: "o", state: "OK" } })).id;
  const day = (i: number) => `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  const base = (i: number) => ({
    id: `r${i}`,
    connectionId,
    clientId,
    flanksId: `f${i}`,
    entity: "testbank",
    currency: i % 7 === 0 ? "USD" : "EUR",
    operationDate: day(i),
    valueDate: day(i),
  });
  const text = (i: number) => TEXTS[i % TEXTS.length]!;
  const n = 60;
  await db.wealthAccountTransaction.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      ...base(i),
      accountId: "ES00",
      description: text(i),
      category: i % 3 ? "Suministros" : null,
      amountMinor: BigInt((i * 37) % 500) - 250n,
    })),
  });
  await db.wealthAccountTransaction.create({
    data: { ...base(999), connectionId: other, clientId: "client00000000000000000002", accountId: "ES00", description: TEXTS[0]!, amountMinor: 1n },
  });
  await db.wealthCardTransaction.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      ...base(i),
      cardId: "card-1",
      shop: i % 5 ? text(i + 3) : null,
      category: i % 4 ? "Viajes" : null,
      amountMinor: BigInt(i),
    })),
  });
  await db.wealthInvestmentTransaction.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      ...base(i),
      investmentId: "inv-1",
      isin: i % 2 ? "ES0000000001" : "LU0123456789",
      type: "1",
      description: text(i + 5),
      amount: "1",
      amountNum: 1,
      unitPrice: "1",
      netCashMinor: BigInt(i),
      symb: "X",
      extraJson: "{}",
    })),
  });
  await db.wealthLiabilityTransaction.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      ...base(i),
      liabilityId: "loan-1",
      description: text(i + 7),
      amountMinor: BigInt(i),
      balanceMinor: 0n,
      balanceCurrency: "EUR",
    })),
  });
}

beforeAll(async () => {
  databases.push(await createSqliteTestDatabase(), await createTestDatabase());
  expect(databases.map((database) => database.dialect)).toEqual(["sqlite", "postgres"]);
  for (const database of databases) await fill(database);
}, 60_000);

afterAll(async () => {
  for (const database of databases) await database.close();
});

const SEARCHES = [
  "RECIBO",
  "Recib",
  "ibo",
  "MARTÍN pérez",
  "tarj renfe",
  "renfe-viajeros",
  "s.a.u",
  "1,25",
  "año",
  "ÑANDÚ",
  "senor",
  "1332",
  "e-commerce",
  "cafe",
  "viajes",
  "LU01",
  "Москва",
  "товары",
  "straße",
  "de",
  "%",
  "x y z",
];

async function idsOf(database: TTestDatabase, kind: TLedgerKind, params: Record<string, string>) {
  current.db = database.db;
  current.readDb = database.readDb;
  const page = await listTransactions(actor, clientId, kind, parseLedgerQuery(params).query);
  return { total: page.total, ids: page.rows.map((row) => row.id) };
}

it("finds the same rows on both databases for the same searches, in every ledger", async () => {
  const [sqlite, postgres] = databases as [TTestDatabase, TTestDatabase];
  let matched = 0;
  for (const kind of ["account", "card", "investment", "liability"] as const) {
    for (const q of SEARCHES) {
      const expected = await idsOf(sqlite, kind, { q, size: "100" });
      expect({ kind, q, ...(await idsOf(postgres, kind, { q, size: "100" })) }).toEqual({ kind, q, ...expected });
      matched += expected.total;
    }
  }
  expect(matched).toBeGreaterThan(200);
});

it("combines the search with paging, sorting, dates and amounts the same way", async () => {
  const [sqlite, postgres] = databases as [TTestDatabase, TTestDatabase];
  const queries: Record<string, string>[] = [
    { q: "recibo", size: "25", page: "2" },
    { q: "recibo", sort: "amount", dir: "asc" },
    { q: "martin", from: "2025-03-01", to: "2025-09-30" },
    { q: "recibo", min: "-1", max: "1.5" },
    { sort: "description", dir: "desc", size: "25", page: "2" },
  ];
  for (const params of queries) expect(await idsOf(postgres, "account", params)).toEqual(await idsOf(sqlite, "account", params));
});
