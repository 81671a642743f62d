import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { purgeDeletedSearchEntries } from "./purge-search-index";

/* Erasure through the full-text index: after deleting rows and purging, no byte of the index names them. */
let database: TTestDatabase;
const WORD = "zyxwvutsecretpayee";

/**
 * Index blocks holding `needle` in the account ledger's shadow tables. Terms are prefix-compressed
 * within a block, so the needle is the word's tail, which no other term shares.
 */
async function blocksContaining(needle: string): Promise<number> {
  const [data] = await database.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*) AS n FROM "WealthAccountTransactionSearch_data" WHERE instr(block, CAST(? AS BLOB)) > 0`,
    needle,
  );
  const [idx] = await database.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*) AS n FROM "WealthAccountTransactionSearch_idx" WHERE instr(CAST(term AS BLOB), CAST(? AS BLOB)) > 0`,
    needle,
  );
  return Number(data!.n) + Number(idx!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await db.user.create({ data: { id: "u", email: "a@example.com", name: "A", passwordHash: "x" } });
  const clientId = (await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: "u" } })).id;
  const connectionId = (await db.connection.create({ data: { clientId, bank: "testbank", linkToken: "t", state: "OK" } })).id;
  for (let i = 0; i < 50; i++) {
    await db.wealthAccountTransaction.create({
      data: {
        id: `t${i}`,
        connectionId,
        clientId,
        flanksId: `f${i}`,
        accountId: "ES00",
        entity: "testbank",
        amountMinor: 1n,
        currency: "EUR",
        operationDate: "2025-01-01",
        valueDate: "2025-01-01",
        description: `PAGO ${WORD}`,
      },
    });
  }
  // Rows of a connection go by cascade, as when a connection or client is erased.
  await db.connection.delete({ where: { id: connectionId } });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

it("leaves the deleted rows' words in the index until purged, and none after", async () => {
  expect(await blocksContaining("secretpayee")).toBeGreaterThan(0);
  await purgeDeletedSearchEntries(database.db);
  expect(await blocksContaining("secretpayee")).toBe(0);
});
