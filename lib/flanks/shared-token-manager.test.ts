import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { startSandboxServer, type TSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { createFlanksClient } from "./client";
import { createDbTokenStore } from "./db-token-store";

/*
 * Two app instances = two Flanks clients, each with its own memory, sharing one database and one
 * sandbox (which keeps one valid token at a time and counts token requests). The real lease
 * (lib/jobs/with-lease.ts) on the real SQLite database. Across real processes: e2e/two-instances.exclusive.spec.ts.
 */
const current: { db?: PrismaClient } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
const { withLease } = await import("@/lib/db/with-lease");

const KEY = Buffer.alloc(32, 7).toString("base64");
let database: TTestDatabase;
let server: TSandboxServer;

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  server = await startSandboxServer();
}, 60_000);

afterAll(async () => {
  await database?.close();
  await server?.close();
});

beforeEach(async () => {
  await database.db.flanksAccessToken.deleteMany();
  await fetch(`${server.apiUrl}/_control/counters/reset`, { method: "POST" });
});

async function tokenRequests(): Promise<number> {
  const { counts } = (await (await fetch(`${server.apiUrl}/_control/counters`)).json()) as { counts: Record<string, number> };
  return counts["POST v0/token"] ?? 0;
}

function instance() {
  return createFlanksClient({
    apiUrl: server.apiUrl,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    timeoutMs: 5_000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    tokenStore: createDbTokenStore({ db: database.db, encryptionKey: KEY, lease: withLease }),
  });
}

describe("one Flanks access token for every instance", () => {
  it("20 concurrent calls over two instances make one token request, and the token is stored sealed", async () => {
    const [a, b] = [instance(), instance()];
    const calls = Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).getAvailableBanks());
    const answers = await Promise.all(calls);
    expect(answers.every((banks) => banks.length > 0)).toBe(true);
    expect(await tokenRequests()).toBe(1);
    const row = await database.db.flanksAccessToken.findUniqueOrThrow({ where: { id: "flanks" } });
    const stored = await createDbTokenStore({ db: database.db, encryptionKey: KEY, lease: withLease }).read();
    expect(stored?.value.length).toBeGreaterThan(8);
    expect(row.tokenEnc).not.toContain(stored!.value);
    // A third instance started later reads it instead of asking Flanks.
    await instance().getAvailableBanks();
    expect(await tokenRequests()).toBe(1);
  });

  it("a 401 with a token another instance replaced re-reads the database instead of asking Flanks again", async () => {
    const [a, b] = [instance(), instance()];
    await Promise.all([a.getAvailableBanks(), b.getAvailableBanks()]);
    expect(await tokenRequests()).toBe(1);
    // Flanks expires the token: instance a finds out first and fetches the replacement...
    await fetch(`${server.apiUrl}/_control/expire-token`, { method: "POST" });
    await a.getAvailableBanks();
    expect(await tokenRequests()).toBe(2);
    // ...b still holds the old one in memory: its 401 takes a's token from the database.
    await Promise.all(Array.from({ length: 5 }, () => b.getAvailableBanks()));
    expect(await tokenRequests()).toBe(2);
    // And a still works: b did not cancel its token.
    await a.getAvailableBanks();
    expect(await tokenRequests()).toBe(2);
  });

  it("a stored token that no longer opens (the encryption key was rotated) is replaced, not fatal", async () => {
    await instance().getAvailableBanks();
    const newKeyStore = createDbTokenStore({ db: database.db, encryptionKey: Buffer.alloc(32, 9).toString("base64"), lease: withLease });
    expect(await newKeyStore.read()).toBeNull();
    const { apiUrl, clientId, clientSecret } = server;
    const rotated = createFlanksClient({ apiUrl, clientId, clientSecret, timeoutMs: 5_000, tokenStore: newKeyStore });
    expect((await rotated.getAvailableBanks()).length).toBeGreaterThan(0);
    expect(await tokenRequests()).toBe(2);
    // Stored again, under the new key.
    expect((await newKeyStore.read())?.value).toMatch(/\S/);
  });
});
