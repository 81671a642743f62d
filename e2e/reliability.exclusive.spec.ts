import { existsSync, readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { openTokenWithKey } from "../lib/crypto/token-sealing";
import { E2E_BASE_URL } from "../playwright.config";
import {
  connectViaCallback,
  createClientViaAction,
  createInvitationViaAction,
  createUserViaAction,
  pendingLinkCode,
  signedInContext,
  waitForSyncedConnections,
} from "./api-helpers";
import { queryE2eDb } from "./db";
import { sqliteDate, writeE2eDb } from "./db-write";
import { ADMIN, ANA, sandboxCount, signIn, signInOverHttp } from "./fixtures";
import { actionRef, callAction } from "./server-actions";

/*
 * Exactly once, erasure and session limits. These read the sandbox's global counters, or change
 * rows under the server's feet, so they run alone after every other test (the "exclusive" project).
 */
test.describe.configure({ mode: "serial" });

const tag = `r${Date.now().toString(36)}`;

/** Asks the sandbox, as Flanks' API client would, for the status of each credentials token: 200 known, 404 deleted. */
async function credentialsStatusAtSandbox(request: APIRequestContext, clientSecret: string, tokens: string[]): Promise<number[]> {
  const token = await request.post("/sandbox/v0/token", {
    data: { client_id: "patrimonio-sandbox", client_secret: clientSecret, grant_type: "client_credentials" },
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const statuses: number[] = [];
  for (const credentialsToken of tokens) {
    const response = await request.post("/sandbox/v0/bank/credentials/status", {
      headers: { Authorization: `Bearer ${access_token}` },
      data: { credentials_token: credentialsToken },
    });
    statuses.push(response.status());
  }
  return statuses;
}
const RECONCILE = actionRef("app/admin/connection-actions.ts", "reconcileAction");

test("reconciliation run twice at once: one exchange, one connection", async ({ request }) => {
  const admin = await signedInContext(ADMIN);
  const ana = await signedInContext(ANA);
  const clientId = await createClientViaAction(ana, `Reconcilia ${tag}`);
  const invitation = await createInvitationViaAction(ana, clientId);
  // Codes other tests left mapped at Flanks are exchanged first, so the counter below is this test's alone.
  expect(await callAction(admin, RECONCILE, {})).toMatchObject({ kind: "state", state: { status: "ok" } });

  // The end user finished at the bank and closed the tab: the code waits at Flanks.
  await pendingLinkCode(request, invitation.reference, `${tag}-closed`);
  const before = await sandboxCount(request, "POST v0/platform/link");
  const [first, second] = await Promise.all([callAction(admin, RECONCILE, {}), callAction(admin, RECONCILE, {})]);
  // Both runs answer normally (each may report the code as connected: the loser sees the winner's result); Flanks saw one exchange.
  for (const run of [first, second]) expect(run).toMatchObject({ kind: "state", state: { status: "ok" } });
  expect(await sandboxCount(request, "POST v0/platform/link")).toBe(before + 1);
  expect(queryE2eDb("select id from Connection where clientId = ?", clientId)).toHaveLength(1);
  expect(queryE2eDb<{ status: string }>("select status from LinkCodeExchange where invitationId = ?", invitation.id)).toEqual([{ status: "EXCHANGED" }]);
  await admin.dispose();
  await ana.dispose();
});

test("deleting a client erases every row of it, keeps the audit, and deletes its credentials at Flanks", async ({ browser, request }) => {
  const ana = await signedInContext(ANA);
  const clientId = await createClientViaAction(ana, `Borrar ${tag}`);
  const invitation = await createInvitationViaAction(ana, clientId);
  const spare = await createInvitationViaAction(ana, clientId);
  await connectViaCallback(request, invitation.reference, `${tag}-erase-1`);
  await connectViaCallback(request, invitation.reference, `${tag}-erase-2`);
  // The wealth data, sync runs and snapshots exist before the erasure (so their absence after it means something).
  await waitForSyncedConnections(clientId, 2);
  const connections = queryE2eDb<{ id: string; credentialsTokenEnc: string }>("select id, credentialsTokenEnc from Connection where clientId = ?", clientId);
  const connectionIds = connections.map((row) => row.id);
  expect(connectionIds).toHaveLength(2);
  // The test server's key (its generated secrets file) opens the tokens, to ask the sandbox about them afterwards.
  const secrets = JSON.parse(readFileSync(`${process.env.E2E_DATA_DIR ?? "data/e2e"}/secrets.json`, "utf8")) as {
    ENCRYPTION_KEY: string;
    SANDBOX_CLIENT_SECRET: string;
  };
  const credentialsTokens = connections.map((row) => openTokenWithKey(row.credentialsTokenEnc, "credentials_token", secrets.ENCRYPTION_KEY, { rowId: row.id }));
  expect(await credentialsStatusAtSandbox(request, secrets.SANDBOX_CLIENT_SECRET, credentialsTokens)).toEqual([200, 200]);
  for (const table of ["WealthAccount", "WealthAccountTransaction", "WealthInvestment", "WealthSnapshot", "SyncRun", "WealthIdentity"]) {
    expect(queryE2eDb<{ n: number }>(`select count(*) as n from "${table}" where clientId = ?`, clientId)[0]!.n, table).toBeGreaterThan(0);
  }
  const ids = [clientId, ...connectionIds, invitation.id, spare.id, invitation.reference, spare.reference];
  // What must leave the file's bytes too (database, WAL, index): the client's IBANs and identity documents that no other client shares.
  const personalValues = [
    ...queryE2eDb<{ value: string }>(
      "select distinct iban as value from WealthAccount where clientId = ? and iban not in (select iban from WealthAccount where clientId <> ?)",
      clientId,
      clientId,
    ),
    ...queryE2eDb<{ value: string }>(
      "select distinct identityDocument as value from WealthIdentity where clientId = ? and identityDocument is not null and identityDocument not in (select identityDocument from WealthIdentity where clientId <> ? and identityDocument is not null)",
      clientId,
      clientId,
    ),
  ]
    .map((row) => row.value)
    .filter((value) => value.length >= 8);
  expect(personalValues.length).toBeGreaterThan(0);
  const deletesBefore = await sandboxCount(request, "DELETE v0/bank/credentials");

  // The admin deletes the client from its details page, confirming the dialog.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, ADMIN);
  await admin.goto(`/clients/${clientId}/details`);
  let confirmation = "";
  admin.once("dialog", (dialog) => {
    confirmation = dialog.message();
    void dialog.accept();
  });
  await admin.getByRole("button", { name: "Delete client" }).click();
  // Flanks DELETE per connection, then the cascades of thousands of wealth rows: seconds on a busy machine.
  await expect(admin).toHaveURL(/\/admin\/clients\?deleted=1/, { timeout: 60_000 });
  await expect(admin.getByText("Client deleted and their data erased.")).toBeVisible();
  expect(confirmation).toContain(`Borrar ${tag}`);

  // Flanks DELETE for each credentials token (a call refused with 401 by a token refresh elsewhere is counted too, and retried),
  // and Flanks no longer knows them.
  expect(await sandboxCount(request, "DELETE v0/bank/credentials")).toBeGreaterThanOrEqual(deletesBefore + 2);
  expect(await credentialsStatusAtSandbox(request, secrets.SANDBOX_CLIENT_SECRET, credentialsTokens)).toEqual([404, 404]);

  // Table by table, column by column: no row anywhere (but the audit log) names the client, its connections, invitations or references.
  const tables = queryE2eDb<{ name: string }>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('_prisma_migrations', 'AuditEvent')",
  ).map((row) => row.name);
  expect(tables).toEqual(
    expect.arrayContaining(["Client", "Connection", "Invitation", "LinkCodeExchange", "SyncRun", "WealthAccountTransaction", "WealthSnapshot", "Lease"]),
  );
  const remaining: string[] = [];
  for (const table of tables) {
    const columns = queryE2eDb<{ name: string; type: string }>(`select name, type from pragma_table_info('${table}')`).filter((column) =>
      /TEXT|^$/i.test(column.type),
    );
    for (const id of ids) {
      const where = columns.map((column) => `instr("${column.name}", ?) > 0`).join(" or ");
      if (!where) continue;
      const [row] = queryE2eDb<{ n: number }>(`select count(*) as n from "${table}" where ${where}`, ...columns.map(() => id));
      if (row!.n > 0) remaining.push(`${table}: ${row!.n} row(s) naming ${id}`);
    }
  }
  expect(remaining).toEqual([]);
  // Not in free pages, nor in old frames of the WAL (secure_delete, then the WAL checkpointed and truncated).
  const databaseFile = `${process.env.E2E_DATA_DIR ?? "data/e2e"}/app.db`;
  const bytes = Buffer.concat(
    [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`].filter((file) => existsSync(file)).map((file) => readFileSync(file)),
  );
  expect(personalValues.filter((value) => bytes.includes(Buffer.from(value)))).toEqual([]);

  // The audit entries stay, and the erasure itself is one of them.
  const clientEvents = queryE2eDb<{ action: string }>("select action from AuditEvent where targetId = ? order by id", clientId).map((row) => row.action);
  expect(clientEvents).toEqual(expect.arrayContaining(["client.create", "invitation.create", "client.delete"]));
  expect(clientEvents.at(-1)).toBe("client.delete");
  for (const connectionId of connectionIds) {
    const events = queryE2eDb<{ action: string }>("select action from AuditEvent where targetId = ? order by id", connectionId).map((row) => row.action);
    expect(events).toEqual(expect.arrayContaining(["connection.exchange", "connection.delete"]));
  }
  await context.close();
  await ana.dispose();
});

test("a session ends after 30 idle minutes and after 12 hours, on the very next request", async () => {
  const admin = await signedInContext(ADMIN);
  const email = `${tag}-sessions@example.com`;
  const password = "session-password-123";
  const userId = await createUserViaAction(admin, { name: "Sesiones", email, role: "ADVISOR", password });
  await admin.dispose();

  const cases = [
    { label: "idle 29 minutes", createdAgoMs: 60 * 60_000, idleMs: 29 * 60_000, isValid: true },
    { label: "idle 31 minutes", createdAgoMs: 60 * 60_000, idleMs: 31 * 60_000, isValid: false },
    { label: "active, but signed in 12 h 1 min ago", createdAgoMs: 12 * 60 * 60_000 + 60_000, idleMs: 0, isValid: false },
  ];
  for (const item of cases) {
    const browserless = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    await signInOverHttp(browserless, email, password);
    const now = Date.now();
    const changed = writeE2eDb(
      "update Session set createdAt = ?, lastSeenAt = ? where userId = ? and endedAt is null and id = (select id from Session where userId = ? order by createdAt desc limit 1)",
      sqliteDate(new Date(now - item.createdAgoMs)),
      sqliteDate(new Date(now - item.idleMs)),
      userId,
      userId,
    );
    expect(changed, item.label).toBe(1);
    const page = await browserless.get("/clients", { maxRedirects: 0 });
    const api = await browserless.get("/api/clients");
    if (item.isValid) {
      expect(page.status(), item.label).toBe(200);
      expect(api.status(), item.label).toBe(200);
    } else {
      expect(page.status(), item.label).toBe(307);
      expect(new URL(page.headers().location!, E2E_BASE_URL).pathname, item.label).toBe("/login");
      expect(api.status(), item.label).toBe(401);
    }
    // Invalidate this one before the next case signs in again.
    writeE2eDb("update Session set endedAt = ? where userId = ? and endedAt is null", sqliteDate(new Date()), userId);
    await browserless.dispose();
  }
});
