import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createFlanksClient, type TFlanksClient } from "@/lib/flanks";
import { startSandboxServer, type TSandboxServer } from "@/lib/flanks/test/start-sandbox-server";
import { createSyncer } from "@/lib/sync/sync-core";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * "Two syncs of one connection at once: one runs", with the real lease in SQLite (the sync tests use
 * an in-memory one). One Prisma client: better-sqlite3 is synchronous, so two clients in one Node
 * process would block each other's event loop; across processes the same UPDATE … WHERE expiresAt < now
 * is what SQLite serialises.
 */
const current: { db?: PrismaClient } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
const { releaseHeldLeases, withLease } = await import("./with-lease");

let database: TTestDatabase;
let server: TSandboxServer;
let flanks: TFlanksClient;

/** withLease reads getDb() once per call: each call is pinned to one "process". */
function leaseIn(db: PrismaClient) {
  return <T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> => {
    current.db = db;
    return withLease(name, ttlMs, work);
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startSandboxServer();
  flanks = createFlanksClient({
    apiUrl: server.apiUrl,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    timeoutMs: 5_000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
  await server?.close();
});

describe("withLease (SQLite)", () => {
  it("lets one of two simultaneous holders in, then the next one after release, and takes over an expired lease", async () => {
    let running = 0;
    let maxRunning = 0;
    const work = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 150));
      running--;
      return "ran";
    };
    const results = await Promise.all([
      leaseIn(database.db)("job:a", 60_000, work),
      leaseIn(database.db)("job:a", 60_000, work),
      leaseIn(database.db)("job:a", 60_000, work),
    ]);
    expect(results.filter((result) => result === "ran")).toHaveLength(1);
    expect(maxRunning).toBe(1);
    // Released: the next caller gets it.
    expect(await leaseIn(database.db)("job:a", 60_000, work)).toBe("ran");
    // A holder that crashed leaves an expired lease behind: it is taken over.
    await database.db.lease.update({ where: { name: "job:a" }, data: { holder: "crashed", expiresAt: new Date(Date.now() - 1) } });
    expect(await leaseIn(database.db)("job:a", 60_000, work)).toBe("ran");
    // A live lease of another holder is respected.
    await database.db.lease.update({ where: { name: "job:a" }, data: { holder: "alive", expiresAt: new Date(Date.now() + 60_000) } });
    expect(await leaseIn(database.db)("job:a", 60_000, work)).toBeNull();
  });

  it("keeps a lease whose work outlasts its ttl (renewed while the work runs), and frees it at once when released", async () => {
    let finish = () => undefined as void;
    const longWork = leaseIn(database.db)("job:long", 300, () => new Promise<string>((resolve) => (finish = () => resolve("long"))));
    await new Promise((resolve) => setTimeout(resolve, 900));
    // Three ttls later the holder is alive and still working: nobody else gets in.
    expect(await leaseIn(database.db)("job:long", 300, async () => "second")).toBeNull();
    finish();
    expect(await longWork).toBe("long");
    expect(await leaseIn(database.db)("job:long", 300, async () => "after")).toBe("after");
  });

  it("releaseHeldLeases (shutdown) frees the leases of work still running, so another instance takes it at once", async () => {
    let finish = () => undefined as void;
    const stuck = leaseIn(database.db)("job:stuck", 60_000, () => new Promise<string>((resolve) => (finish = () => resolve("stuck"))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await leaseIn(database.db)("job:stuck", 60_000, async () => "other")).toBeNull();
    expect(await releaseHeldLeases()).toEqual(["job:stuck"]);
    expect(await leaseIn(database.db)("job:stuck", 60_000, async () => "other")).toBe("other");
    finish();
    await stuck;
  });

  it("two syncs of one connection at once: one runs, the other is skipped", { timeout: 60_000 }, async () => {
    const created = await fetch(`${server.apiUrl}/_control/credentials`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bank: "testbank", username: "lease-twice", password: "healthy" }),
    });
    const { code } = (await created.json()) as { code: string };
    const exchanged = await flanks.exchangeLinkCode(code);
    if (exchanged.kind !== "exchanged") throw new Error("delayed");
    const advisor = await database.db.user.create({ data: { email: "lease@test", name: "L", passwordHash: "x" } });
    const client = await database.db.client.create({ data: { displayName: "C", contactEmail: "c@test", advisorId: advisor.id } });
    const connection = await database.db.connection.create({
      data: { clientId: client.id, bank: "testbank", linkToken: "l", credentialsTokenEnc: exchanged.credentials_token, state: "READY", pending: false },
    });
    const syncerIn = (db: PrismaClient) =>
      createSyncer({ db, writeDb: database.writeDb, flanks, openCredentialsToken: (sealed) => sealed, lease: leaseIn(db), pageSize: 200 });
    const [a, b] = await Promise.all([syncerIn(database.db).syncConnection(connection.id), syncerIn(database.db).syncConnection(connection.id)]);
    // The one that ran may be PARTIAL (the sandbox's extraction is still under way): what matters is that only one ran.
    const skipped = [a, b].filter((result) => result.status === "SKIPPED");
    expect(skipped).toEqual([{ status: "SKIPPED", reason: "already-running" }]);
    expect(await database.db.syncRun.count({ where: { connectionId: connection.id } })).toBe(1);
  });
});
