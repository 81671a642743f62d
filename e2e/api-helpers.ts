import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../playwright.config";
import { queryE2eDb } from "./db";
import { signInOverHttp } from "./fixtures";
import { actionRef, callAction, clientIdFromRedirect } from "./server-actions";

/** Browserless set-up over HTTP, through the same server actions the forms call. */
export async function signedInContext(account: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInOverHttp(context, account.email, account.password);
  return context;
}

export async function createUserViaAction(
  admin: APIRequestContext,
  input: { name: string; email: string; role: "ADVISOR" | "ADMIN"; password: string },
): Promise<string> {
  const result = await callAction(admin, actionRef("app/admin/actions.ts", "createUserAction"), input);
  expect(result, `create ${input.email}`).toEqual({ kind: "state", state: { status: "ok", message: "userCreated" } });
  const [row] = queryE2eDb<{ id: string }>("select id from User where email = ?", input.email);
  return row!.id;
}

export async function createClientViaAction(advisor: APIRequestContext, displayName: string): Promise<string> {
  return clientIdFromRedirect(
    await callAction(advisor, actionRef("app/(advisor)/clients/actions.ts", "createClientAction"), { displayName, contactEmail: "client@example.com" }),
  );
}

/** Creates a CONNECT invitation and returns its id and the opaque reference the Link carries as `extra`. */
export async function createInvitationViaAction(advisor: APIRequestContext, clientId: string): Promise<{ id: string; reference: string }> {
  const result = await callAction(
    advisor,
    actionRef("app/(advisor)/clients/connection-actions.ts", "createInvitationAction"),
    { clientId, purpose: "CONNECT" },
    { params: { clientId } },
  );
  expect(result.kind === "state" && result.state.status, JSON.stringify(result)).toBe("ok");
  const [row] = queryE2eDb<{ id: string; reference: string }>(
    "select id, reference from Invitation where clientId = ? order by createdAt desc, id desc limit 1",
    clientId,
  );
  return row!;
}

/** What the end user's bank login at the Link leaves at Flanks: a code whose `extra` names the invitation. */
export async function pendingLinkCode(request: APIRequestContext, reference: string, username: string, password = "healthy"): Promise<string> {
  const created = await request.post("/sandbox/_control/credentials", { data: { bank: "testbank", username, password, extra: { ref: reference } } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { code: string }).code;
}

/** The Link's return with that code: one Connection. */
export async function connectViaCallback(request: APIRequestContext, reference: string, username: string): Promise<void> {
  const code = await pendingLinkCode(request, reference, username);
  const back = await request.get(`/connect/callback?code=${encodeURIComponent(code)}&ref=${encodeURIComponent(reference)}`, { maxRedirects: 0 });
  expect(back.headers().location).toMatch(/exchange=/);
}

/** Waits until every connection of the client finished its extraction and first sync. */
export async function waitForSyncedConnections(clientId: string, count: number): Promise<void> {
  await expect
    .poll(
      () => {
        const [row] = queryE2eDb<{ pending: number; running: number; synced: number }>(
          `select (select count(*) from Connection where clientId = ? and pending = 1) as pending,
                  (select count(*) from SyncRun where clientId = ? and status = 'RUNNING') as running,
                  (select count(*) from WealthSyncState where clientId = ?) as synced`,
          clientId,
          clientId,
          clientId,
        );
        return row!.pending === 0 && row!.running === 0 && row!.synced === count;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
}
