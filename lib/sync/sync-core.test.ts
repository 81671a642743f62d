import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { BUSY_TIMEOUT_MS } from "@/lib/db/create-prisma-client";
import { createFlanksClient, type TFlanksClient } from "@/lib/flanks";
import { startSandboxServer, type TSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createSyncer, oldestFirst } from "./sync-core";
import { createTestDatabase, memoryLease, testDialect, type TTestDatabase } from "./test/test-database";

let server: TSandboxServer;
let database: TTestDatabase;
let flanks: TFlanksClient;
let clock = Date.parse("2025-06-30T10:00:00Z");
const DAY_MS = 86_400_000;

async function connect(username: string, password = "healthy"): Promise<string> {
  const created = await fetch(`${server.apiUrl}/_control/credentials`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ bank: "testbank", username, password }),
  });
  const { code } = (await created.json()) as { code: string };
  const exchanged = await flanks.exchangeLinkCode(code);
  if (exchanged.kind !== "exchanged") throw new Error("delayed");
  return exchanged.credentials_token;
}

async function makeConnection(token: string): Promise<{ connectionId: string; clientId: string }> {
  const { db } = database;
  const advisor = await db.user.upsert({ where: { email: "a@test" }, create: { email: "a@test", name: "A", passwordHash: "x" }, update: {} });
  const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await db.connection.create({
    data: { clientId: client.id, bank: "testbank", linkToken: "l", credentialsTokenEnc: token, state: "READY", pending: false },
  });
  return { connectionId: connection.id, clientId: client.id };
}

function syncerWith(overrides: Partial<Parameters<typeof createSyncer>[0]> = {}) {
  return createSyncer({
    db: database.db,
    writeDb: database.writeDb,
    flanks,
    openCredentialsToken: (sealed) => sealed,
    lease: memoryLease(),
    pageSize: 200,
    now: () => new Date(clock),
    ...overrides,
  });
}

beforeAll(async () => {
  server = await startSandboxServer({ now: () => clock });
  database = await createTestDatabase({ wal: true });
  flanks = createFlanksClient({
    apiUrl: server.apiUrl,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    timeoutMs: 5_000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
});

afterAll(async () => {
  await database?.close();
  await server?.close();
});

describe("syncConnection", () => {
  it("stores every product of a healthy connection, exactly, with a snapshot per currency", async () => {
    const token = await connect("ana");
    clock += 10_000; // the extraction finishes
    const { connectionId, clientId } = await makeConnection(token);
    const result = await syncerWith().syncConnection(connectionId, { reason: "first-extraction" });
    expect(result.status).toBe("SUCCEEDED");
    const { db } = database;
    const accounts = await db.wealthAccount.findMany({ where: { clientId }, orderBy: { iban: "asc" } });
    expect(accounts.map((a) => [a.iban, a.balanceMinor, a.currency])).toEqual([
      ["ES2590003167291288295691", 399490n, "USD"],
      ["ES5190003167250930459703", 926920n, "EUR"],
    ]);
    expect(await db.wealthAccountTransaction.count({ where: { clientId } })).toBe(500);
    // Inserted oldest first (the sandbox, like Flanks, sends newest first): rowids (PostgreSQL: the rows' places in the heap) follow the dates.
    const physicalOrder = Prisma.raw(database.dialect === "postgres" ? "ctid" : "rowid");
    const insertionOrder = await db.$queryRaw<
      { operationDate: string }[]
    >`SELECT "operationDate" FROM "WealthAccountTransaction" WHERE "connectionId" = ${connectionId} ORDER BY ${physicalOrder}`;
    expect(insertionOrder.map((r) => r.operationDate)).toEqual(insertionOrder.map((r) => r.operationDate).sort());
    expect(insertionOrder[0]?.operationDate).not.toBe(insertionOrder.at(-1)?.operationDate);
    expect((await db.wealthIdentity.findUnique({ where: { connectionId } }))?.fullName).toBe("Miguel Sánchez Hernández");
    expect(await db.wealthInvestment.count({ where: { clientId } })).toBeGreaterThanOrEqual(12);
    expect(await db.wealthMifidAnswer.count({ where: { clientId } })).toBe(8);
    expect(await db.wealthLiability.count({ where: { clientId } })).toBeGreaterThanOrEqual(3);
    const snapshots = await db.wealthSnapshot.findMany({ where: { clientId }, orderBy: { currency: "asc" } });
    expect(snapshots.map((s) => s.currency)).toEqual(["EUR", "USD"]);
    const investments = await db.wealthInvestment.findMany({ where: { clientId, currency: "EUR" } });
    const eurAssets = 926920n + investments.reduce((sum, i) => sum + i.balanceMinor, 0n);
    expect(snapshots[0]?.assetsMinor).toBe(eurAssets);
    const state = await db.wealthSyncState.findUnique({ where: { connectionId } });
    expect(state?.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const run = await db.syncRun.findFirst({ where: { connectionId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", reason: "first-extraction" });
  });

  it("dates the day's snapshot in the firm's time zone: 23:30 UTC on 30 June is 1 July in Madrid", async () => {
    const token = await connect("tz");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const lateEvening = () => new Date("2025-06-30T23:30:00Z");
    expect((await syncerWith({ now: lateEvening, timeZone: "Europe/Madrid" }).syncConnection(connectionId)).status).toBe("SUCCEEDED");
    expect(await database.db.wealthSnapshot.findMany({ where: { connectionId }, select: { day: true }, distinct: ["day"] })).toEqual([{ day: "2025-07-01" }]);
  });

  it("a sync that fails halfway leaves the previous data whole (Flanks failing, then the database failing)", async () => {
    const token = await connect("bea");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const { db } = database;
    expect((await syncerWith().syncConnection(connectionId)).status).toBe("SUCCEEDED");
    const before = {
      accounts: (await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id),
      transactions: (await db.wealthAccountTransaction.findMany({ where: { connectionId }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id),
      mifid: await db.wealthMifidAnswer.count({ where: { connectionId } }),
    };

    // 1. Flanks refuses to be read (429 for an hour) at liabilities, after accounts were already fetched: nothing is written.
    // (A 5xx or 404 of one endpoint only fails that product: see "one failing endpoint is one failed product".)
    await fetch(`${server.apiUrl}/_control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint: "v0/bank/credentials/liability", status: 429, retryAfterSeconds: 3600, times: 10 }),
    });
    const failed = await syncerWith().syncConnection(connectionId);
    expect(failed.status).toBe("FAILED");
    await fetch(`${server.apiUrl}/_control/faults`, { method: "DELETE" });
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(before.accounts);
    const failedRun = await db.syncRun.findFirst({ where: { connectionId, status: "FAILED" } });
    expect(failedRun?.error).toMatch(/rate_limited/);

    // 2. The database fails in the middle of the write (after every product was replaced, at the day's snapshot, which every sync writes): rolled back.
    const isPostgres = database.dialect === "postgres";
    if (isPostgres) {
      await db.$executeRawUnsafe(`CREATE FUNCTION fail_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
      await db.$executeRawUnsafe(`CREATE TRIGGER fail_snapshot BEFORE INSERT ON "WealthSnapshot" FOR EACH ROW EXECUTE FUNCTION fail_snapshot()`);
    } else {
      await db.$executeRawUnsafe(`CREATE TRIGGER fail_snapshot BEFORE INSERT ON "WealthSnapshot" BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    }
    try {
      const broken = await syncerWith().syncConnection(connectionId);
      expect(broken.status).toBe("FAILED");
    } finally {
      await db.$executeRawUnsafe(isPostgres ? `DROP TRIGGER fail_snapshot ON "WealthSnapshot"` : `DROP TRIGGER fail_snapshot`);
    }
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(before.accounts);
    expect((await db.wealthAccountTransaction.findMany({ where: { connectionId }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(
      before.transactions,
    );
    expect(await db.wealthMifidAnswer.count({ where: { connectionId } })).toBe(before.mifid);

    // 3. A day later Flanks has refreshed (accounts carry a new updated_at_timestamp; the transactions are the same):
    // the next good sync replaces what changed and keeps the unchanged rows, ids and all.
    clock += DAY_MS;
    expect((await syncerWith().syncConnection(connectionId)).status).toBe("SUCCEEDED");
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).not.toEqual(before.accounts);
    expect((await db.wealthAccountTransaction.findMany({ where: { connectionId }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(
      before.transactions,
    );
  });

  it("keeps the last good data of a product Flanks reports errored, and marks it", async () => {
    const token = await connect("carla");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const { db } = database;
    await syncerWith().syncConnection(connectionId);
    const cardIds = (await db.wealthCard.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id);
    const accountIds = (await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id);
    clock += DAY_MS; // Flanks refreshes: every product's records change (updated_at_timestamp)
    const erroring: TFlanksClient = {
      ...flanks,
      getStatus: async (input, options) => {
        const status = await flanks.getStatus(input, options);
        return { ...status, errored: { ...status.errored, product: { ...status.errored.product, card: true } } };
      },
    };
    const result = await syncerWith({ flanks: erroring }).syncConnection(connectionId);
    expect(result).toMatchObject({ status: "PARTIAL", kept: { cards: "errored" } });
    expect((await db.wealthCard.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(cardIds);
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).not.toEqual(accountIds);
    const state = await db.wealthSyncState.findUnique({ where: { connectionId } });
    expect(JSON.parse(state!.productsJson).cards.status).toBe("errored");
  });

  it("runs one sync of a connection at a time, and a deleted connection takes its data with it", async () => {
    const token = await connect("dani");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const syncer = syncerWith();
    const [a, b] = await Promise.all([syncer.syncConnection(connectionId), syncer.syncConnection(connectionId)]);
    expect([a.status, b.status].sort()).toEqual(["SKIPPED", "SUCCEEDED"]);
    const { db } = database;
    await db.connection.delete({ where: { id: connectionId } });
    for (const count of [
      db.wealthAccount.count({ where: { connectionId } }),
      db.wealthAccountTransaction.count({ where: { connectionId } }),
      db.wealthSnapshot.count({ where: { connectionId } }),
      db.syncRun.count({ where: { connectionId } }),
      db.wealthIdentity.count({ where: { connectionId } }),
    ]) {
      expect(await count).toBe(0);
    }
  });
});

/** Flanks as it was before the rest of the history was extracted: only the first page of account transactions. */
function firstPageOnly(client: TFlanksClient): TFlanksClient {
  return {
    ...client,
    async *iterateAccountTransactionPages(input, pageOptions, options) {
      for await (const page of client.iterateAccountTransactionPages(input, pageOptions, options)) {
        yield page;
        return;
      }
    },
  };
}

/**
 * Another process writing (a session's lastSeenAt, an audit entry, a lease): a worker thread with
 * its own connection, configured as the app's Prisma client. It writes when `flags[0]` turns 1,
 * after setting `flags[1]`, and reports how long the write took.
 */
function startOtherWriter(file: string, flags: Int32Array) {
  const worker = new Worker(
    `const { workerData, parentPort } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file, { timeout: workerData.timeoutMs });
    const flags = new Int32Array(workerData.flags);
    Atomics.wait(flags, 0, 0);
    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
    const started = Date.now();
    try {
      db.prepare('INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (?, ?, ?)').run("other-writer", "w", "2026-01-01T00:00:00.000+00:00");
      parentPort.postMessage({ ok: true, waitedMs: Date.now() - started });
    } catch (error) {
      parentPort.postMessage({ ok: false, error: String(error) });
    }
    db.close();`,
    { eval: true, workerData: { driver: createRequire(import.meta.url).resolve("better-sqlite3"), file, timeoutMs: BUSY_TIMEOUT_MS, flags: flags.buffer } },
  );
  return new Promise<{ ok: boolean; waitedMs?: number; error?: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

describe("oldestFirst", () => {
  it("sorts rows by operationDate ascending, in place, whatever order they came in", () => {
    const dates = (rows: { operationDate: string }[]) => rows.map((r) => r.operationDate);
    const newestFirst = ["2025-03-02", "2025-03-01", "2025-03-01", "2024-12-31"].map((operationDate, i) => ({ operationDate, i }));
    const sorted = oldestFirst(newestFirst);
    expect(sorted).toBe(newestFirst);
    expect(dates(sorted)).toEqual(["2024-12-31", "2025-03-01", "2025-03-01", "2025-03-02"]);
    expect(dates(oldestFirst(["2025-01-05", "2025-01-01", "2025-01-09", "2025-01-02"].map((operationDate) => ({ operationDate }))))).toEqual([
      "2025-01-01",
      "2025-01-02",
      "2025-01-05",
      "2025-01-09",
    ]);
    expect(oldestFirst([])).toEqual([]);
  });
});

describe("the sync's write transaction", () => {
  // SQLite's own write lock and WAL snapshots, read through a second file handle: not PostgreSQL's (lib/sync/sync-writer.test.ts covers its transaction).
  if (testDialect() === "sqlite") defineSqliteLockTests();

  it("waits for a transaction of the app's own connection that holds the write lock, without blocking it", { timeout: 60_000 }, async () => {
    const token = await connect("iso-own.tx1000");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const { db } = database;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    // An interactive Prisma transaction (signing in, creating a client…) that wrote and awaits something.
    const holding = db.$transaction(
      async (tx) => {
        await tx.lease.create({ data: { name: "held-by-app", holder: "app", expiresAt: new Date(0) } });
        await released;
      },
      { timeout: 30_000 },
    );
    const result = await syncerWith({
      beforeWrite: async () => {
        setTimeout(release, 300);
      },
    }).syncConnection(connectionId);
    await holding;
    expect(result.status).toBe("SUCCEEDED");
    expect(await db.wealthAccountTransaction.count({ where: { connectionId } })).toBe(1000);
    expect(await db.lease.findUnique({ where: { name: "held-by-app" } })).not.toBeNull();
  });
});

/** Defined in the SQLite run only (see the describe above). */
function defineSqliteLockTests() {
  it("is seen whole or not at all: never half-written, by the app's connection or another one", { timeout: 60_000 }, async () => {
    const token = await connect("iso.tx3000");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const { db } = database;
    expect((await syncerWith({ flanks: firstPageOnly(flanks) }).syncConnection(connectionId)).status).toBe("SUCCEEDED");
    const count = () => db.wealthAccountTransaction.count({ where: { connectionId } });
    expect(await count()).toBe(200);

    // While the full sync runs, the app's connection keeps counting (as page requests would)…
    const seen = new Set<number>();
    let isPolling = true;
    let polls = 0;
    const poller = (async () => {
      while (isPolling) {
        seen.add(await count());
        polls += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // …and another connection looks from inside the write, after the rows and before the commit.
    const reader = new Database(database.url.replace(/^file:/, ""), { readonly: true });
    let seenDuringWrite: unknown;
    try {
      const result = await syncerWith({
        duringWrite: () => {
          seenDuringWrite = reader.prepare(`SELECT count(*) AS n FROM "WealthAccountTransaction" WHERE "connectionId" = ?`).get(connectionId);
        },
      }).syncConnection(connectionId);
      expect(result.status).toBe("SUCCEEDED");
    } finally {
      reader.close();
      isPolling = false;
      await poller;
    }
    seen.add(await count());
    expect(seenDuringWrite).toEqual({ n: 200 });
    expect(polls).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual([200, 3000]);
  });

  it("makes other processes' writers wait for its commit, not fail", { timeout: 60_000 }, async () => {
    const token = await connect("iso-writers.tx1000");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const flags = new Int32Array(new SharedArrayBuffer(12));
    const otherWriter = startOtherWriter(database.url.replace(/^file:/, ""), flags);
    const result = await syncerWith({
      duringWrite: () => {
        Atomics.store(flags, 0, 1);
        Atomics.notify(flags, 0);
        Atomics.wait(flags, 1, 0, 5_000);
        // Hold the lock a while after the other writer started its write: it must be waiting by then.
        Atomics.wait(flags, 2, 0, 300);
      },
    }).syncConnection(connectionId);
    expect(result.status).toBe("SUCCEEDED");
    const other = await otherWriter;
    expect(other.ok).toBe(true);
    expect(other.waitedMs).toBeGreaterThanOrEqual(250);
    expect(await database.db.lease.findUnique({ where: { name: "other-writer" } })).not.toBeNull();
  });
}
