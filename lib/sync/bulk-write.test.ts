import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "./test/test-database";

let database: TTestDatabase;
let scope: { connectionId: string; clientId: string };

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
  const { db } = database;
  const advisor = await db.user.create({ data: { email: "bulk@test", name: "B", passwordHash: "x" } });
  const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "l", state: "READY", pending: false } });
  scope = { connectionId: connection.id, clientId: client.id };
});

afterAll(async () => {
  await database?.close();
});

function investmentTransaction(
  flanksId: string,
  changes: Partial<Prisma.WealthInvestmentTransactionCreateManyInput> = {},
): Prisma.WealthInvestmentTransactionCreateManyInput {
  return {
    ...scope,
    flanksId,
    investmentId: "inv-1",
    entity: "testbank",
    isin: "ES0000000001",
    type: "1",
    description: "COMPRA",
    amount: "10",
    amountNum: 10,
    unitPrice: "1.5",
    netCashMinor: -1500n,
    commissionMinor: null,
    currency: "EUR",
    symb: "ABC",
    operationDate: "2025-01-02",
    valueDate: "2025-01-02",
    extraJson: "{}",
    ...changes,
  };
}

async function replace(rows: Prisma.WealthInvestmentTransactionCreateManyInput[]) {
  return database.writeDb.inTransaction(function* (tx) {
    return yield* tx.replaceRows("WealthInvestmentTransaction", scope.connectionId, rows);
  });
}

async function stored() {
  const rows = await database.db.wealthInvestmentTransaction.findMany({
    where: { connectionId: scope.connectionId },
    orderBy: [{ flanksId: "asc" }, { id: "asc" }],
  });
  return rows.map(({ id, ...row }) => ({ id, row }));
}

describe("replaceRows", () => {
  it("stores exactly the new rows, keeping the id of every stored row equal in every column", async () => {
    const first = [
      investmentTransaction("a"),
      investmentTransaction("b"),
      investmentTransaction("c", { description: "con 'comillas' y \0 nulo" }),
      investmentTransaction("d", { amountNum: 0.1 + 0.2 }),
      investmentTransaction("e", { commissionMinor: 5n }),
      investmentTransaction("dup"),
      investmentTransaction("dup"),
    ];
    expect(await replace(first)).toEqual({ kept: 0, inserted: 7, deleted: 0 });
    const before = await stored();
    const idOf = (flanksId: string) => before.filter((entry) => entry.row.flanksId === flanksId).map((entry) => entry.id);

    const next = [
      investmentTransaction("a"), // unchanged: kept
      investmentTransaction("b", { extraJson: '{"note":1}' }), // changed text
      investmentTransaction("c", { description: "con 'comillas' y \0 otro" }), // differs only after a NUL character
      investmentTransaction("d", { amountNum: 0.3 }), // differs only in the last bits of a REAL
      investmentTransaction("e", { commissionMinor: 5 }), // the same INTEGER, given as a number
      investmentTransaction("dup"), // one of two equal rows: one kept, one deleted
      investmentTransaction("f"), // new
    ];
    expect(await replace(next)).toEqual({ kept: 3, inserted: 4, deleted: 4 });
    const after = await stored();
    expect(after.map((entry) => entry.row)).toEqual(
      next
        .map((row) => ({
          ...row,
          netCashMinor: BigInt(row.netCashMinor),
          commissionMinor: row.commissionMinor === null || row.commissionMinor === undefined ? null : BigInt(row.commissionMinor),
        }))
        .sort((x, y) => x.flanksId.localeCompare(y.flanksId)),
    );
    const idAfter = (flanksId: string) => after.find((entry) => entry.row.flanksId === flanksId)?.id;
    expect([idAfter("a"), idAfter("e")]).toEqual([...idOf("a"), ...idOf("e")]);
    expect(idOf("dup")).toContain(idAfter("dup"));
    for (const changed of ["b", "c", "d"]) expect(idAfter(changed)).not.toBe(idOf(changed)[0]);
    expect(after.find((entry) => entry.row.flanksId === "d")?.row.amountNum).toBe(0.3);

    // No rows from Flanks: nothing stays.
    expect(await replace([])).toEqual({ kept: 0, inserted: 0, deleted: 7 });
    expect(await stored()).toEqual([]);
  });
});
