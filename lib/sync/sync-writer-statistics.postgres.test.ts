import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresPool } from "@/lib/db/postgres-pool";
import { postgresSyncWriter, REFRESH_STATISTICS_AFTER_ROWS } from "./sync-writer";
import { createTestDatabase, type TTestDatabase } from "./test/test-database";

/* PostgreSQL plans a freshly filled table as an empty one until it is analyzed: the sync's writer refreshes the statistics of the tables it changed a lot. */
let database: TTestDatabase;
let scope: { connectionId: string; clientId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const advisor = await database.db.user.create({ data: { email: "s@test", name: "S", passwordHash: "x" } });
  const client = await database.db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await database.db.connection.create({ data: { clientId: client.id, bank: "testbank", linkToken: "l", state: "READY", pending: false } });
  scope = { connectionId: connection.id, clientId: client.id };
});

afterAll(async () => {
  await database?.close();
});

const transactions = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => ({
    ...scope,
    flanksId: `t${from + i}`,
    accountId: "ES00",
    entity: "testbank",
    operationDate: "2026-01-02",
    valueDate: "2026-01-02",
    description: `recibo ${from + i}`,
    amountMinor: BigInt(i),
    currency: "EUR",
  }));

/** The planner's row estimate, the table's pages and how many of them are marked visible to all. */
async function statisticsOf(table: string) {
  const [row] = await database.db.$queryRawUnsafe<{ tuples: number; pages: number; visible: number }[]>(
    `SELECT reltuples::float8 AS tuples, relpages::float8 AS pages, relallvisible::float8 AS visible FROM pg_class WHERE oid = $1::regclass`,
    `"${table}"`,
  );
  return row!;
}

it("a table that got fewer rows keeps its statistics; one that got many is analyzed and vacuumed once committed", async () => {
  expect(database.dialect).toBe("postgres");
  await database.writeDb.inTransaction(function* (tx) {
    yield* tx.insertRows("WealthAccountTransaction", transactions(REFRESH_STATISTICS_AFTER_ROWS - 1, 0));
  });
  // -1: never analyzed (PostgreSQL 14 and later).
  const { tuples, visible } = await statisticsOf("WealthAccountTransaction");
  expect({ tuples, visible }).toEqual({ tuples: -1, visible: 0 });

  await database.writeDb.inTransaction(function* (tx) {
    yield* tx.replaceRows("WealthAccountTransaction", scope.connectionId, transactions(REFRESH_STATISTICS_AFTER_ROWS * 2, 0));
  });
  const analyzed = await statisticsOf("WealthAccountTransaction");
  expect(analyzed.tuples).toBe(REFRESH_STATISTICS_AFTER_ROWS * 2);
  expect(analyzed.visible).toBeGreaterThan(0);
});

it("vacuums again later when a transaction older than the write kept the new rows from being marked visible to all", async () => {
  // Another connection's transaction, begun before the write and still running (as another sync's would be).
  const blocker = new pg.Client({ connectionString: database.url });
  await blocker.connect();
  const writer = postgresSyncWriter(createPostgresPool(database.url, 2), { visibilityRetryDelaysMs: [200, 400, 800, 1_600, 3_200] });
  try {
    await blocker.query("BEGIN");
    await blocker.query("SELECT txid_current()");
    await writer.inTransaction(function* (tx) {
      yield* tx.insertRows("WealthLiabilityTransaction", liabilityTransactions(REFRESH_STATISTICS_AFTER_ROWS * 3));
    });
    const blocked = await pagesOf("WealthLiabilityTransaction");
    expect(blocked.visible).toBeLessThan(blocked.pages);
    await blocker.query("COMMIT");
    await expect
      .poll(async () => pagesOf("WealthLiabilityTransaction"), { timeout: 10_000, interval: 200 })
      .toEqual({ pages: blocked.pages, visible: blocked.pages });
  } finally {
    await blocker.end();
    await writer.close();
  }
});

const liabilityTransactions = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    ...scope,
    flanksId: `l${i}`,
    liabilityId: "L1",
    entity: "testbank",
    operationDate: "2026-01-02",
    valueDate: "2026-01-02",
    description: `cuota ${i}`,
    amountMinor: BigInt(i),
    currency: "EUR",
    balanceMinor: 0n,
    balanceCurrency: "EUR",
  }));

async function pagesOf(table: string) {
  const { pages, visible } = await statisticsOf(table);
  return { pages, visible };
}
