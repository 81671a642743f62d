import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-prisma-client";
import { Prisma } from "../lib/generated/prisma/client";
import { verifyAuditChain } from "../scripts/verify-audit-chain";
import { ANA, signInOverHttp } from "./fixtures";
import { actionRef, callAction } from "./server-actions";
import {
  DATABASE_URL,
  freshDirectories,
  killInstance,
  parentOf,
  prepareDatabaseAs,
  sandboxControl,
  sandboxCounts,
  SECRETS,
  startInstance,
  startSharedSandbox,
  waitUntilHealthy,
  type TInstance,
} from "./two-instances";

/*
 * Issue 18.4: two app instances (two `scripts/serve.ts`, ports 3230 and 3231, each its own DATA_DIR)
 * on one database and one Flanks (the sandbox), both running the background jobs. The lead runs it on
 * PostgreSQL with TWO_INSTANCES_DATABASE_URL (e2e/two-instances.ts). The servers are this file's own;
 * the sandbox counters it reads are its own sandbox's, so it runs beside nothing else's traffic.
 */
test.describe.configure({ mode: "serial" });

let sandbox: { close: () => Promise<void> };
let a: TInstance;
let b: TInstance;
let db: PrismaClient;
let anaAt: { a: APIRequestContext; b: APIRequestContext };

test.beforeAll(async () => {
  test.setTimeout(150_000);
  freshDirectories();
  sandbox = await startSharedSandbox();
  prepareDatabaseAs("a");
  [a, b] = [startInstance("a"), startInstance("b")];
  await Promise.all([waitUntilHealthy(a), waitUntilHealthy(b)]);
  db = createPrismaClient(DATABASE_URL);
  anaAt = { a: await playwrightRequest.newContext({ baseURL: a.url }), b: await playwrightRequest.newContext({ baseURL: b.url }) };
});

test.afterAll(async () => {
  for (const instance of [a, b]) if (instance) killInstance(instance);
  await anaAt?.a.dispose();
  await anaAt?.b.dispose();
  await db?.$disconnect();
  await sandbox?.close();
});

test("the health check: 200 with {status, checks}, no secret, no session needed", async () => {
  for (const instance of [a, b]) {
    const response = await fetch(`${instance.url}/api/health`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", process: "serving" } });
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain(DATABASE_URL);
  }
});

test("a session from one instance is valid on the other, and its sign-out ends it on both", async () => {
  const signedIn = await playwrightRequest.newContext({ baseURL: a.url });
  await signInOverHttp(signedIn, ANA.email, ANA.password);
  const cookies = await signedIn.storageState();
  const onB = await playwrightRequest.newContext({ baseURL: b.url, storageState: cookies });
  expect((await onB.get("/api/clients")).status()).toBe(200);
  expect((await signedIn.get("/api/clients")).status()).toBe(200);
  // Ended on B (the session row), refused on A at the very next request.
  const { csrfToken } = (await (await onB.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await onB.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  expect((await signedIn.get("/api/clients")).status()).toBe(401);
  await Promise.all([signedIn.dispose(), onB.dispose()]);
  // The contexts the next tests use: Ana signed in once, on A, used on both.
  await signInOverHttp(anaAt.a, ANA.email, ANA.password);
  await anaAt.b.dispose();
  anaAt.b = await playwrightRequest.newContext({ baseURL: b.url, storageState: await anaAt.a.storageState() });
});

test("each background job runs once: the demo's connections are made once though both instances run the job", async () => {
  await expect.poll(async () => db.connection.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  // Given time for a second run to show up, had there been one.
  await expect.poll(async () => db.lease.count({ where: { name: "jobs:demo-connections" } })).toBe(1);
  expect(await db.invitation.count()).toBe(5);
  expect(await db.connection.count()).toBe(5);
  const exchanges = (await sandboxCounts())["POST v0/platform/link"];
  expect(exchanges).toBe(5);
});

test("20 concurrent exchanges and syncs spread over both instances make one token request", async () => {
  // 20 first syncs on two servers beside two other Playwright runs: 18 of 20 were done at 60 s on a loaded 2-core run.
  test.setTimeout(240_000);
  const ana = await db.user.findUniqueOrThrow({ where: { email: ANA.email } });
  const references: string[] = [];
  for (let index = 0; index < 20; index++) {
    const client = await db.client.create({ data: { displayName: `Dos instancias ${index}`, contactEmail: "two@example.com", advisorId: ana.id } });
    const reference = randomBytes(12).toString("base64url");
    await createConsentedInvitation(client.id, reference, ana.id);
    references.push(reference);
  }
  const codes = await Promise.all(
    references.map(async (ref, index) => {
      const credentials = { bank: "testbank", username: `two-${index}`, password: "ready", extra: { ref } };
      return ((await sandboxControl("credentials", credentials)) as { code: string }).code;
    }),
  );
  // Flanks cancels the token the instances share: every instance's next call gets a 401.
  await sandboxControl("counters/reset");
  await sandboxControl("expire-token");
  const callbacks = await Promise.all(
    references.map((ref, index) => {
      const query = new URLSearchParams({ code: codes[index]!, ref });
      return fetch(`${(index % 2 ? b : a).url}/connect/callback?${query}`, { redirect: "manual" });
    }),
  );
  expect(callbacks.map((response) => response.status)).toEqual(Array(20).fill(303));
  const invitations = await db.invitation.findMany({ where: { reference: { in: references } }, select: { id: true, clientId: true } });
  const clientIds = invitations.map((row) => row.clientId);
  await expect
    .poll(async () => db.syncRun.count({ where: { clientId: { in: clientIds }, status: { in: ["SUCCEEDED", "PARTIAL"] } } }), { timeout: 180_000 })
    .toBeGreaterThanOrEqual(20);
  expect((await sandboxCounts())["POST v0/token"]).toBe(1);
  // Each code exchanged once (the sandbox also counts the calls its 401 refused before the new token).
  const exchanges = await db.linkCodeExchange.findMany({
    where: { invitationId: { in: invitations.map((row) => row.id) } },
    select: { status: true, attempts: true },
  });
  expect(exchanges).toEqual(Array(20).fill({ status: "EXCHANGED", attempts: 1 }));
  expect(await db.connection.count({ where: { clientId: { in: clientIds } } })).toBe(20);
  // Each connection synced once, never two runs of one at once.
  const runs = await db.syncRun.groupBy({ by: ["connectionId"], where: { clientId: { in: clientIds } }, _count: true });
  expect(runs).toHaveLength(20);
});

test("a sync racing a deletion on the other instance: the deletion wins, nothing of the connection is left", async () => {
  const connection = await db.connection.findFirstOrThrow({ where: { client: { displayName: "Dos instancias 0" } } });
  // The sync on A is held at Flanks' first product answer while B deletes the connection.
  await sandboxControl("faults", { endpoint: "POST v0/bank/credentials/data", latencyMs: 3_000, times: 1 });
  const started = await anaAt.a.post(`/api/clients/${connection.clientId}/sync`, { headers: { Origin: a.url }, data: {} });
  expect(started.status()).toBe(202);
  await expect.poll(async () => db.syncRun.count({ where: { connectionId: connection.id, status: "RUNNING" } })).toBe(1);
  const disconnect = actionRef("app/(advisor)/clients/connection-actions.ts", "disconnectConnectionAction");
  const fields = { connectionId: connection.id, clientId: connection.clientId };
  const result = await callAction(anaAt.b, disconnect, fields, { params: { clientId: connection.clientId }, headers: { Origin: b.url } });
  expect(result).toMatchObject({ kind: "state", state: { status: "ok" } });
  // The sync on A ends (failing on the missing connection) and leaves nothing behind.
  await expect.poll(async () => (await db.lease.findUnique({ where: { name: `sync:${connection.id}` } }))?.holder ?? "", { timeout: 30_000 }).toBe("");
  await expect.poll(async () => leftoversOf(connection.id), { timeout: 30_000 }).toEqual([]);
  expect(await db.connection.count({ where: { id: connection.id } })).toBe(0);
});

test("graceful shutdown: SIGTERM answers 503, releases the running job's lease at once, and exits", async () => {
  test.setTimeout(150_000);
  // A connection still extracting, so the poll job holds its lease, and a Flanks that never answers its status.
  const ana = await db.user.findUniqueOrThrow({ where: { email: ANA.email } });
  const client = await db.client.create({ data: { displayName: "Dos instancias apagado", contactEmail: "two@example.com", advisorId: ana.id } });
  const reference = randomBytes(12).toString("base64url");
  await createConsentedInvitation(client.id, reference, ana.id);
  const credentials = { bank: "testbank", username: "two-slow", password: "slow", extra: { ref: reference } };
  const { code } = (await sandboxControl("credentials", credentials)) as { code: string };
  expect((await fetch(`${a.url}/connect/callback?code=${code}&ref=${reference}`, { redirect: "manual" })).status).toBe(303);
  await sandboxControl("faults", { endpoint: "POST v0/bank/credentials/status", hang: true });
  const holderOf = async () => (await db.lease.findUnique({ where: { name: "jobs:poll-pending" } }))?.holder ?? "";
  const instanceOf = (holder: string) => {
    const pid = Number(holder.split("-")[0]);
    return [a, b].find((instance) => instance.process.pid === pid || parentOf(pid) === instance.process.pid);
  };
  // Wait for a poll stuck on the hanging status call: the same holder twice, 2 s apart (a poll takes milliseconds, one starts every 3 s).
  let stuck: TInstance | undefined;
  await expect
    .poll(
      async () => {
        const first = await holderOf();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        stuck = first && first === (await holderOf()) ? instanceOf(first) : undefined;
        return stuck?.name ?? null;
      },
      { timeout: 40_000 },
    )
    .not.toBeNull();
  const other = stuck === a ? b : a;
  const heldBy = await holderOf();
  process.kill(stuck!.process.pid!, "SIGTERM");
  // Draining: the balancer is told at once, while the running job gets its grace.
  await expect.poll(async () => (await fetch(`${stuck!.url}/api/health`).catch(() => null))?.status ?? "closed", { timeout: 10_000 }).toBe(503);
  // The lease is released (or already taken by the other instance), long before its 60 s ttl.
  await expect.poll(async () => (await holderOf()) !== heldBy, { timeout: 20_000 }).toBe(true);
  expect(await stuck!.exited).toBe(0);
  const exitedAt = new Date();
  await sandboxControl("faults", undefined, "DELETE");
  // The other instance, the only one left, takes the poll over: the connection's status is read again. (Not the lease's
  // holder: it is set only while a poll runs, a few milliseconds every 3 s, which a loaded machine's check can miss.)
  const checkedAt = async () => (await db.connection.findFirst({ where: { clientId: client.id }, select: { statusCheckedAt: true } }))?.statusCheckedAt;
  await expect.poll(async () => ((await checkedAt()) ?? new Date(0)) > exitedAt, { timeout: 60_000 }).toBe(true);
  expect((await fetch(`${other.url}/api/health`)).status).toBe(200);
});

test("the audit chain written by both instances is one chain", async () => {
  const verdict = await verifyAuditChain(db, { auditKey: SECRETS.AUDIT_KEY });
  expect(verdict).toMatchObject({ ok: true });
  expect((verdict as { count: number }).count).toBeGreaterThan(20);
});

/** A CONNECT invitation the end user consented to, as the invitation page leaves it before the Link. */
async function createConsentedInvitation(clientId: string, reference: string, advisorId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + 3_600_000);
  await db.invitation.create({
    data: { clientId, purpose: "CONNECT", tokenHash: randomBytes(32).toString("hex"), reference, expiresAt, consentAt: new Date(), createdById: advisorId },
  });
}

/** "<model>: n" for every model with a connectionId field still holding rows of the connection (Prisma, so any database). */
async function leftoversOf(connectionId: string): Promise<string[]> {
  const left: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { count: (args: unknown) => Promise<number> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
    // A model without the field refuses the filter (a validation error): it cannot hold the connection's rows.
    const count = await delegate.count({ where: { connectionId } }).catch((error: unknown) => {
      // By name: on PostgreSQL the client is another generated copy, with its own error classes.
      if (error instanceof Error && error.name === "PrismaClientValidationError") return 0;
      throw error;
    });
    if (count > 0) left.push(`${model}: ${count}`);
  }
  return left;
}
