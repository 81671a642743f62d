import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlanksClient, type TFlanksClient } from "@/lib/flanks";
import { startSandboxServer, type TSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createSyncer } from "./sync-core";
import { createTestDatabase, memoryLease, type TTestDatabase } from "./test/test-database";

let server: TSandboxServer;
let database: TTestDatabase;
let flanks: TFlanksClient;
let clock = Date.parse("2025-06-30T10:00:00Z");

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
  return createSyncer({ db: database.db, flanks, openCredentialsToken: (sealed) => sealed, lease: memoryLease(), pageSize: 200, now: () => new Date(clock), ...overrides });
}

beforeAll(async () => {
  server = await startSandboxServer({ now: () => clock });
  database = await createTestDatabase();
  flanks = createFlanksClient({ apiUrl: server.apiUrl, clientId: server.clientId, clientSecret: server.clientSecret, timeoutMs: 5_000, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
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

    // 1. Flanks answers 500 for liabilities (after accounts were already fetched): nothing is written.
    await fetch(`${server.apiUrl}/_control/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ endpoint: "v0/bank/credentials/liability", status: 500, times: 10 }) });
    const failed = await syncerWith().syncConnection(connectionId);
    expect(failed.status).toBe("FAILED");
    await fetch(`${server.apiUrl}/_control/faults`, { method: "DELETE" });
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(before.accounts);
    const failedRun = await db.syncRun.findFirst({ where: { connectionId, status: "FAILED" } });
    expect(failedRun?.error).toMatch(/unavailable/);

    // 2. The database fails in the middle of the write (after accounts and transactions were replaced): rolled back.
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_mifid BEFORE INSERT ON "WealthMifidAnswer" BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    try {
      const broken = await syncerWith().syncConnection(connectionId);
      expect(broken.status).toBe("FAILED");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_mifid`);
    }
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(before.accounts);
    expect((await db.wealthAccountTransaction.findMany({ where: { connectionId }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(before.transactions);
    expect(await db.wealthMifidAnswer.count({ where: { connectionId } })).toBe(before.mifid);

    // 3. And the next good sync replaces everything.
    expect((await syncerWith().syncConnection(connectionId)).status).toBe("SUCCEEDED");
    expect((await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id)).not.toEqual(before.accounts);
  });

  it("keeps the last good data of a product Flanks reports errored, and marks it", async () => {
    const token = await connect("carla");
    clock += 10_000;
    const { connectionId } = await makeConnection(token);
    const { db } = database;
    await syncerWith().syncConnection(connectionId);
    const cardIds = (await db.wealthCard.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id);
    const accountIds = (await db.wealthAccount.findMany({ where: { connectionId }, orderBy: { id: "asc" } })).map((r) => r.id);
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
