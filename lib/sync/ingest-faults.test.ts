// Issue 15 against the sandbox over real HTTP: each shape an independent imitation of Flanks sent,
// switched on under /sandbox/_control/shape-faults, and what the sync makes of it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFlanksClient, type TFlanksClient } from "@/lib/flanks";
import { startSandboxServer, type TSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { summarizeStatus } from "@/lib/sync/connection-state";
import { parseProductStates } from "./products";
import { createSyncer } from "./sync-core";
import { createTestDatabase, memoryLease, type TTestDatabase } from "./test/test-database";

let server: TSandboxServer;
let database: TTestDatabase;
let flanks: TFlanksClient;
let clock = Date.parse("2025-06-30T10:00:00Z");
let seq = 0;

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${server.apiUrl}/_control/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function connectAndStore(username: string) {
  const created = await control("POST", "credentials", { bank: "testbank", username: `${username}-${(seq += 1)}`, password: "healthy" });
  const { code } = (await created.json()) as { code: string };
  const exchanged = await flanks.exchangeLinkCode(code);
  if (exchanged.kind !== "exchanged") throw new Error("delayed");
  clock += 10_000; // the extraction finishes
  const { db } = database;
  const advisor = await db.user.upsert({ where: { email: "a@test" }, create: { email: "a@test", name: "A", passwordHash: "x" }, update: {} });
  const client = await db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
  const connection = await db.connection.create({
    data: { clientId: client.id, bank: "testbank", linkToken: "l", credentialsTokenEnc: exchanged.credentials_token, state: "READY", pending: false },
  });
  return { token: exchanged.credentials_token, connectionId: connection.id, clientId: client.id };
}

const syncer = () =>
  createSyncer({
    db: database.db,
    writeDb: database.writeDb,
    flanks,
    openCredentialsToken: (sealed) => sealed,
    lease: memoryLease(),
    pageSize: 200,
    now: () => new Date(clock),
  });

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
afterEach(async () => {
  await control("DELETE", "shape-faults");
});
afterAll(async () => {
  await database?.close();
  await server?.close();
});

describe("one record never hides a whole product", () => {
  it("nulls where the reference does not allow them: a null list is empty and the record kept; a null balance sets that record aside, counted and stored redacted", async () => {
    const { connectionId, token } = await connectAndStore("nulls");
    const all = await flanks.getInvestments(token);
    const total = all.received;
    await control("POST", "shape-faults", {
      kind: "null-fields",
      endpoint: "v0/bank/credentials/investment",
      fields: ["country_model", "name", "portfolio_id"],
      indices: [1, 2],
    });
    await control("POST", "shape-faults", { kind: "null-fields", endpoint: "v0/bank/credentials/investment", fields: ["balance"], indices: [0, 3] });
    const result = await syncer().syncConnection(connectionId);
    expect(result).toMatchObject({ status: "PARTIAL", setAside: { investments: 2 } });
    const { db } = database;
    expect(await db.wealthInvestment.count({ where: { connectionId } })).toBe(total - 2);
    const state = parseProductStates((await db.wealthSyncState.findUnique({ where: { connectionId } }))?.productsJson);
    expect(state.investments).toMatchObject({ status: "ok", received: total, setAside: 2 });
    const stored = await db.wealthSetAsideRecord.findMany({ where: { connectionId }, orderBy: { position: "asc" } });
    expect(stored.map((row) => [row.product, row.position, row.recordId])).toEqual([
      ["investments", 0, all.records[0]?._id],
      ["investments", 3, all.records[3]?._id],
    ]);
    expect(JSON.parse(stored[0]!.issuesJson)).toEqual([{ path: "investment[0].balance", message: "expected number, received null" }]);
    const copy = JSON.parse(stored[0]!.recordJson) as Record<string, unknown>;
    expect(copy.balance).toBeNull();
    expect(copy.name).toMatch(/^\[text, \d+ characters\]$/);
    expect(stored[0]!.recordJson).not.toContain(token);
    // Erasing the connection erases them.
    await db.connection.delete({ where: { id: connectionId } });
    expect(await db.wealthSetAsideRecord.count({ where: { connectionId } })).toBe(0);
  });
});

describe("status answers", () => {
  it("unknown keys in the status flags never fail a sync, and progress counts the documented products only", async () => {
    const { connectionId, token } = await connectAndStore("flags");
    await control("POST", "shape-faults", { kind: "unknown-status-flags", product: { insurance: true }, transaction: { crypto: true } });
    const status = await flanks.getStatus(token);
    const summary = summarizeStatus(status);
    expect(summary.createdProducts).toHaveLength(13);
    expect(summary.unknownFlags).toEqual(["insurance", "transaction.crypto"]);
    expect((await syncer().syncConnection(connectionId)).status).toBe("SUCCEEDED");
  });
});

describe("pagination that cannot truncate", () => {
  it("a Flanks that caps page_size silently still gives the whole history", async () => {
    const { connectionId } = await connectAndStore("cap-tx=450");
    await control("POST", "shape-faults", { kind: "page-size-cap", maxPageSize: 100 });
    expect((await syncer().syncConnection(connectionId)).status).toBe("SUCCEEDED");
    expect(await database.db.wealthAccountTransaction.count({ where: { connectionId } })).toBe(450);
  });
});

describe("one failing endpoint is one failed product", () => {
  it("a 404 on investments marks investments failed; every other product syncs", async () => {
    const { connectionId } = await connectAndStore("missing");
    await control("POST", "shape-faults", { kind: "not-found", endpoint: "v0/bank/credentials/investment" });
    const result = await syncer().syncConnection(connectionId);
    expect(result).toMatchObject({ status: "PARTIAL", kept: { investments: "failed" } });
    const { db } = database;
    expect(await db.wealthInvestment.count({ where: { connectionId } })).toBe(0);
    expect(await db.wealthAccount.count({ where: { connectionId } })).toBeGreaterThan(0);
    expect(await db.wealthMifidAnswer.count({ where: { connectionId } })).toBeGreaterThan(0);
  });

  it("a 5xx (after the retries) on liabilities marks liabilities failed; every other product syncs", async () => {
    const { connectionId } = await connectAndStore("down");
    await control("POST", "faults", { endpoint: "v0/bank/credentials/liability", status: 503, times: 10 });
    try {
      const result = await syncer().syncConnection(connectionId);
      expect(result).toMatchObject({ status: "PARTIAL", kept: { liabilities: "failed" } });
      expect(await database.db.wealthAccount.count({ where: { connectionId } })).toBeGreaterThan(0);
    } finally {
      await control("DELETE", "faults");
    }
  });

  it("MiFID: on a 404 of credentials/mifid/raw, credencial/mifid/raw answers, and is asked first from then on", async () => {
    const { token } = await connectAndStore("mifid");
    await control("POST", "shape-faults", { kind: "not-found", endpoint: "v0/bank/credentials/mifid/raw" });
    const client = createFlanksClient({ apiUrl: server.apiUrl, clientId: server.clientId, clientSecret: server.clientSecret, timeoutMs: 5_000 });
    await control("POST", "counters/reset");
    expect((await client.getMifid(token)).records.length).toBeGreaterThan(0);
    expect((await client.getMifid(token)).records.length).toBeGreaterThan(0);
    const { counts } = (await (await control("GET", "counters")).json()) as { counts: Record<string, number> };
    expect(counts["POST v0/bank/credentials/mifid/raw"]).toBe(1);
    expect(counts["POST v0/bank/credencial/mifid/raw"]).toBe(2);
  });
});
