import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../playwright.config";
import { ACCESS_MATRIX, CALLERS, rowKey, type TActionOutcome, type TCaller, type TMatrixRow, type TPageOutcome, type TRouteOutcome } from "./access-matrix";
import { queryE2eDb } from "./db";
import { ADMIN, ANA, LUIS, signInOverHttp } from "./fixtures";
import { actionRef, callAction, clientIdFromRedirect, readActionManifest, type TActionResult } from "./server-actions";

/*
 * Calls every cell of e2e/access-matrix.ts against the production build, over HTTP (no browser: a
 * browser adds nothing to an access check). Ids always point at Ana's records; Luis sends them in
 * URLs, in tampered hidden fields and in direct server-action calls.
 */
test.describe.configure({ mode: "serial" });

type TWorld = {
  callers: Record<TCaller, APIRequestContext>;
  anaId: string;
  luisId: string;
  clientId: string;
  /** A second client of Ana's, erased by the admin's deleteClientAction cell. */
  doomedClientId: string;
  luisClientId: string;
  connectionIds: string[];
  investmentId: string;
  invitationIds: string[];
  invitationToken: string;
  targetUserId: string;
  disabledUserId: string;
  /** Ana's household of the matrix client and the doomed client. */
  householdId: string;
  /** Two more of Ana's households: the owner's and the admin's deleteHouseholdAction cells delete one each. */
  doomedHouseholdIds: [string, string];
};

let world: TWorld;
const tag = `m${Date.now().toString(36)}`;

function userIdOf(email: string): string {
  const [row] = queryE2eDb<{ id: string }>("select id from User where email = ?", email);
  expect(row, email).toBeTruthy();
  return row!.id;
}

async function signedIn(account: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInOverHttp(context, account.email, account.password);
  return context;
}

const act = (file: string, name: string) => actionRef(file, name);
const CLIENT_ACTIONS = "app/(advisor)/clients/actions.ts";
const CONNECTION_ACTIONS = "app/(advisor)/clients/connection-actions.ts";
const ADMIN_ACTIONS = "app/admin/actions.ts";
const HOUSEHOLD_ACTIONS = "app/(advisor)/households/actions.ts";

/** The id at the end of a redirect like "/households/<id>?created=1". */
function householdIdFromRedirect(result: TActionResult): string {
  expect(result.kind, JSON.stringify(result)).toBe("redirect");
  const id = (result as { location: string }).location.match(/\/households\/([a-z0-9]+)/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

async function createUser(admin: APIRequestContext, role: "ADVISOR" | "ADMIN", label: string): Promise<{ email: string; password: string; id: string }> {
  const email = `${tag}-${label}@example.com`;
  const password = `${label}-password-1234`;
  const result = await callAction(admin, act(ADMIN_ACTIONS, "createUserAction"), { name: `Matrix ${label}`, email, role, password });
  expect(result, `create ${label}`).toEqual({ kind: "state", state: { status: "ok", message: "userCreated" } });
  return { email, password, id: userIdOf(email) };
}

async function connect(clientId: string, reference: string, username: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const created = await context.post("/sandbox/_control/credentials", { data: { bank: "testbank", username, password: "healthy", extra: { ref: reference } } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const back = await context.get(`/connect/callback?code=${encodeURIComponent(code)}&ref=${encodeURIComponent(reference)}`, { maxRedirects: 0 });
  expect(back.headers().location).toMatch(/exchange=/);
  await context.dispose();
  const rows = queryE2eDb<{ id: string }>("select id from Connection where clientId = ? order by createdAt", clientId);
  return rows.at(-1)!.id;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = await signedIn(ADMIN);
  const owner = await signedIn(ANA);
  const other = await signedIn(LUIS);
  const anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });

  // The disabled caller: an administrator who signed in, then was disabled. Their cookie stays valid as a JWT.
  const disabledUser = await createUser(admin, "ADMIN", "disabled");
  const disabled = await signedIn(disabledUser);
  expect((await disabled.get("/api/clients")).status()).toBe(200);
  const target = await createUser(admin, "ADVISOR", "target");

  const clientId = clientIdFromRedirect(
    await callAction(owner, act(CLIENT_ACTIONS, "createClientAction"), { displayName: `Matrix ${tag}`, contactEmail: "matrix@example.com" }),
  );
  const doomedClientId = clientIdFromRedirect(
    await callAction(owner, act(CLIENT_ACTIONS, "createClientAction"), { displayName: `Matrix doomed ${tag}`, contactEmail: "doomed@example.com" }),
  );
  const luisClientId = clientIdFromRedirect(
    await callAction(other, act(CLIENT_ACTIONS, "createClientAction"), { displayName: `Matrix Luis ${tag}`, contactEmail: "luis-client@example.com" }),
  );
  const newHousehold = async (name: string) => householdIdFromRedirect(await callAction(owner, act(HOUSEHOLD_ACTIONS, "createHouseholdAction"), { name }));
  const householdId = await newHousehold(`Matrix ${tag} household`);
  const doomedHouseholdIds: [string, string] = [await newHousehold(`Matrix ${tag} doomed household 1`), await newHousehold(`Matrix ${tag} doomed household 2`)];
  for (const [memberId, role] of [
    [clientId, "HOLDER"],
    [doomedClientId, "CHILD"],
  ] as const) {
    const added = await callAction(owner, act(HOUSEHOLD_ACTIONS, "setHouseholdMemberAction"), { householdId, clientId: memberId, role });
    expect(added).toEqual({ kind: "state", state: { status: "ok" } });
  }

  const invite = async () => {
    const result = await callAction(owner, act(CONNECTION_ACTIONS, "createInvitationAction"), { clientId, purpose: "CONNECT" }, { params: { clientId } });
    expect(result.kind === "state" && result.state.status).toBe("ok");
    return String((result as unknown as { state: { values: { url: string } } }).state.values.url.split("/connect/")[1]);
  };
  const invitationToken = await invite();
  await invite();
  await invite();
  const invitations = queryE2eDb<{ id: string; reference: string }>("select id, reference from Invitation where clientId = ? order by createdAt, id", clientId);
  expect(invitations).toHaveLength(3);
  const connectionIds: string[] = [];
  for (const n of [1, 2, 3]) connectionIds.push(await connect(clientId, invitations[0]!.reference, `${tag}-k${n}`));

  // Wait for the extraction and the first sync, so background jobs leave these rows alone while the matrix runs.
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
        return row!.pending === 0 && row!.running === 0 && row!.synced === 3;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  const [investment] = queryE2eDb<{ id: string }>("select id from WealthInvestment where clientId = ? limit 1", clientId);
  expect(investment).toBeTruthy();

  // Disable last, so the setup above could use the admin session freely.
  const disabledResult = await callAction(admin, act(ADMIN_ACTIONS, "setUserDisabledAction"), { userId: disabledUser.id, disabled: "1" });
  expect(disabledResult).toEqual({ kind: "state", state: { status: "ok" } });

  world = {
    callers: { owner, other, admin, anonymous, disabled },
    anaId: userIdOf(ANA.email),
    luisId: userIdOf(LUIS.email),
    clientId,
    doomedClientId,
    luisClientId,
    connectionIds,
    investmentId: investment!.id,
    invitationIds: invitations.map((invitation) => invitation.id),
    invitationToken,
    targetUserId: target.id,
    disabledUserId: disabledUser.id,
    householdId,
    doomedHouseholdIds,
  };
});

test.afterAll(async () => {
  for (const context of Object.values(world?.callers ?? {})) await context.dispose();
});

function concretePath(path: string): string {
  return path
    .replace("[clientId]", world.clientId)
    .replace("[investmentId]", world.investmentId)
    .replace("[householdId]", world.householdId)
    .replace("[userId]", world.targetUserId)
    .replace("[token]", world.invitationToken)
    .replace("[kind]", "account");
}

const HOME: Record<TCaller, RegExp> = {
  owner: /^\/(clients)?$/,
  other: /^\/(clients)?$/,
  admin: /^\/(admin\/users)?$/,
  anonymous: /^\/login$/,
  disabled: /^\/login$/,
};

function pageOutcomeOf(status: number, location: string | undefined, caller: TCaller): TPageOutcome | string {
  if (status === 200) return "ok";
  if (status === 404) return "notFound";
  if (status >= 300 && status < 400 && location) {
    const path = new URL(location, E2E_BASE_URL).pathname;
    if (path === "/login") return "login";
    if (HOME[caller].test(path)) return "home";
    return `redirect ${path}`;
  }
  return `status ${status}`;
}

test("every page answers each caller as the matrix says", async () => {
  test.setTimeout(180_000);
  const rows = ACCESS_MATRIX.filter((row): row is Extract<TMatrixRow, { kind: "page" }> => row.kind === "page");
  const failures: string[] = [];
  for (const row of rows) {
    const url = concretePath(row.path);
    await Promise.all(
      CALLERS.map(async (caller) => {
        const response = await retryReset(() => world.callers[caller].get(url, { maxRedirects: 0 }));
        const outcome = pageOutcomeOf(response.status(), response.headers().location, caller);
        if (outcome !== row.expect[caller]) failures.push(`${rowKey(row)} as ${caller}: expected ${row.expect[caller]}, got ${outcome}`);
        if (outcome === "ok" || outcome === "notFound") {
          const html = await response.text();
          // Nothing of Ana's client reaches anyone who may not see it.
          if (caller !== "owner" && caller !== "admin" && html.includes(`Matrix ${tag}`)) failures.push(`${rowKey(row)} as ${caller}: shows Ana's client`);
        }
      }),
    );
  }
  expect(failures).toEqual([]);
});

const SANDBOX_PROBES: Record<string, { path: string; status: number }> = {
  GET: { path: "/sandbox/.well-known/jwks.json", status: 200 },
  POST: { path: "/sandbox/v0/bank/credentials/status", status: 401 },
  PUT: { path: "/sandbox/v0/bank/credentials/status", status: 401 },
  DELETE: { path: "/sandbox/v0/bank/credentials", status: 401 },
};

/** A kept-alive connection the server closed while idle (its 5 s keep-alive) is not an answer: ask again once. */
async function retryReset<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return send();
  }
}

async function callRoute(row: Extract<TMatrixRow, { kind: "route" }>, caller: TCaller): Promise<{ status: number; body: string }> {
  return retryReset(() => sendRoute(row, caller));
}

async function sendRoute(row: Extract<TMatrixRow, { kind: "route" }>, caller: TCaller): Promise<{ status: number; body: string }> {
  const context = world.callers[caller];
  const url = concretePath(row.path);
  let response;
  if (row.path === "/api/auth/[...nextauth]") {
    if (row.method === "GET") response = await context.get("/api/auth/csrf");
    else {
      const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
      response = await context.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: `${tag}-nobody@example.com`, password: "wrong-password-123", json: "true" },
        maxRedirects: 0,
      });
    }
  } else if (row.path === "/sandbox/[...path]") {
    response = await context.fetch(SANDBOX_PROBES[row.method]!.path, {
      method: row.method,
      data: row.method === "GET" ? undefined : { credentials_token: "x" },
    });
  } else if (row.method === "POST") {
    response = await context.post(url, { data: {}, headers: { Origin: E2E_BASE_URL } });
  } else {
    response = await context.get(url, { maxRedirects: 0 });
  }
  return { status: response.status(), body: await response.text() };
}

function routeOutcomeOf(row: Extract<TMatrixRow, { kind: "route" }>, status: number): TRouteOutcome | string {
  // The sandbox answers as Flanks does (its own Bearer check), whoever calls.
  if (row.path === "/sandbox/[...path]") return status === SANDBOX_PROBES[row.method]!.status ? "ok" : `status ${status}`;
  if (status === 401) return "unauthenticated";
  if (status === 404) return "notFound";
  if (status >= 200 && status < 400) return "ok";
  if (row.method === "POST" && row.path.endsWith("/sync") && (status === 409 || status === 429)) return "ok";
  return `status ${status}`;
}

test("every route handler answers each caller as the matrix says", async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  for (const row of ACCESS_MATRIX.filter((r): r is Extract<TMatrixRow, { kind: "route" }> => r.kind === "route")) {
    // The refresh starts work: the refused callers first, then the owner (202), then the admin (429, the owner's cooldown).
    for (const caller of ["other", "anonymous", "disabled", "owner", "admin"] as const) {
      const { status, body } = await callRoute(row, caller);
      let outcome = routeOutcomeOf(row, status);
      // The next-auth credentials callback refuses a wrong password with 401: that is its answer, for everyone.
      if (row.path === "/api/auth/[...nextauth]" && row.method === "POST" && status === 401) outcome = "ok";
      if (outcome !== row.expect[caller]) failures.push(`${rowKey(row)} as ${caller}: expected ${row.expect[caller]}, got ${outcome} ${body.slice(0, 120)}`);
      if (row.expect[caller] !== "ok" && body.includes(`Matrix ${tag}`)) failures.push(`${rowKey(row)} as ${caller}: leaks Ana's client`);
    }
  }
  expect(failures).toEqual([]);

  // Scoped lists: Luis's list and inbox never contain Ana's client.
  const luisList = (await (await world.callers.other.get(`/api/clients?q=${tag}`)).json()) as { items: { id: string }[] };
  expect(luisList.items.map((item) => item.id)).toEqual([world.luisClientId]);
  const anaList = (await (await world.callers.owner.get(`/api/clients?q=${tag}`)).json()) as { items: { id: string }[] };
  expect(anaList.items.map((item) => item.id).sort()).toEqual([world.clientId, world.doomedClientId].sort());
  // The owner's refresh did start (202), so the sync route really ran for the owner.
  expect(queryE2eDb("select id from SyncRun where clientId = ? and reason = 'manual'", world.clientId).length).toBeGreaterThan(0);
});

/** What every action cell sends, per caller. Ids are Ana's; Luis's own ids go where a form would carry them. */
function actionInput(name: string, caller: TCaller): { fields: Record<string, string>; params?: Record<string, string> } {
  const w = world;
  const params = { clientId: caller === "other" ? w.luisClientId : w.clientId, userId: w.targetUserId, token: w.invitationToken, investmentId: w.investmentId };
  const ownClientId = caller === "other" ? w.luisClientId : w.clientId;
  switch (name) {
    case "createClientAction":
      // A tampered form: advisorId is not a field of the schema, and must not choose the owner.
      return { fields: { displayName: `Matrix new ${tag} ${caller}`, contactEmail: "new@example.com", advisorId: w.anaId }, params };
    case "updateClientAction":
      return { fields: { clientId: w.clientId, displayName: `Matrix ${tag}`, contactEmail: "matrix@example.com" }, params };
    case "setClientArchivedAction":
      return { fields: { clientId: w.clientId, archived: caller === "owner" || caller === "admin" ? "0" : "1" }, params };
    case "createInvitationAction":
      return { fields: { clientId: w.clientId, purpose: "CONNECT" }, params };
    case "revokeInvitationAction":
      return { fields: { invitationId: caller === "admin" ? w.invitationIds[2]! : w.invitationIds[1]!, clientId: ownClientId }, params };
    case "disconnectConnectionAction":
      return { fields: { connectionId: caller === "admin" ? w.connectionIds[1]! : w.connectionIds[0]!, clientId: ownClientId }, params };
    case "createHouseholdAction":
      // A tampered form: advisorId is not a field of the schema, and must not choose the owner.
      return { fields: { name: `Matrix new household ${tag} ${caller}`, advisorId: w.anaId }, params };
    case "renameHouseholdAction":
      return { fields: { householdId: w.householdId, name: `Matrix ${tag} household` }, params };
    case "setHouseholdMemberAction":
      // Luis would add his own client to Ana's household.
      return {
        fields: { householdId: w.householdId, clientId: caller === "other" ? w.luisClientId : w.clientId, role: caller === "admin" ? "HOLDER" : "SPOUSE" },
        params,
      };
    case "removeHouseholdMemberAction":
      return { fields: { householdId: w.householdId, clientId: caller === "admin" ? w.clientId : w.doomedClientId }, params };
    case "deleteHouseholdAction":
      return { fields: { householdId: caller === "admin" ? w.doomedHouseholdIds[1] : w.doomedHouseholdIds[0] }, params };
    case "createUserAction":
      return {
        fields: { name: `Matrix user ${caller}`, email: `${tag}-created-${caller}@example.com`, role: "ADMIN", password: "created-password-123" },
        params,
      };
    case "setUserDisabledAction":
      return { fields: { userId: w.targetUserId, disabled: "1" }, params };
    case "resetUserPasswordAction":
      return { fields: { userId: w.targetUserId, password: `reset-by-${caller}-123` }, params };
    case "reassignClientAction":
      // Luis would love Ana's client: reassign it to himself.
      return { fields: { clientId: w.clientId, advisorId: caller === "admin" ? w.anaId : w.luisId }, params };
    case "deleteClientAction":
      return { fields: { clientId: caller === "admin" ? w.doomedClientId : w.clientId }, params };
    case "refreshConnectionAction":
      return { fields: { connectionId: w.connectionIds[2]! }, params };
    case "forceConnectionAction":
      return { fields: { connectionId: w.connectionIds[2]!, flow: "sca" }, params };
    case "deleteConnectionAction":
      return { fields: { connectionId: w.connectionIds[2]! }, params };
    case "reconcileAction":
      return { fields: {}, params };
    case "adoptUnknownCredentialsAction":
      return { fields: { handle: "0".repeat(64), clientId: w.clientId }, params };
    case "deleteUnknownCredentialsAction":
      return { fields: { handle: "0".repeat(64) }, params };
    case "consentAction":
      return { fields: { token: "A".repeat(43), consent: "yes" }, params };
    case "setLocaleAction":
      return { fields: { locale: "en" }, params };
    case "markClientReviewedAction":
      return { fields: { clientId: w.clientId, reviewDay: new Date().toISOString().slice(0, 10), note: `Matrix review by ${caller}` }, params };
    case "markHouseholdReviewedAction":
      return { fields: { householdId: w.householdId, reviewDay: new Date().toISOString().slice(0, 10), note: `Matrix review by ${caller}` }, params };
    case "setReviewThresholdsAction":
      // The defaults, saved: what every caller already reads in, so the cell changes nothing visible.
      return { fields: { positionChangePercent: "10", largeMovement: "10000" }, params };
    case "setBaseCurrencyAction":
      // "" follows the firm's currency: what every caller already reads in, so the cell changes nothing visible.
      return { fields: { baseCurrency: "" }, params };
    case "setConcentrationLimitAction":
      // 20 is the default every caller already has: the cell changes nothing visible.
      return { fields: { concentrationLimitPct: "20" }, params };
    case "saveInvestmentProfileAction":
      return { fields: { clientId: w.clientId, riskLevel: "3", "FUNDS.knowledge": "on", "FUNDS.experience": "on" }, params };
    default:
      throw new Error(`no input for ${name}: add it here when adding the action to the matrix`);
  }
}

function actionOutcomeOf(name: string, result: TActionResult): TActionOutcome | string {
  if (result.kind === "redirect") return new URL(result.location, E2E_BASE_URL).pathname === "/login" ? "login" : "ok";
  if (result.kind === "http") return `http ${result.status} ${result.body.slice(0, 80)}`;
  const { state } = result;
  if (name === "consentAction") return state.error ? "refused" : "ok";
  if (name === "setLocaleAction") return "ok";
  if (state.status === "ok") return "ok";
  if (state.status === "error" && state.message === "notAllowed") return "denied";
  if (state.status === "error") return "refused";
  return JSON.stringify(state);
}

/** Ana's and the matrix users' rows, as a string: a refused call must leave it identical. */
function dumpWorld(): string {
  const w = world;
  const clients = [w.clientId, w.doomedClientId, w.luisClientId];
  const users = [w.anaId, w.luisId, w.targetUserId, w.disabledUserId];
  const q = (sql: string, ...params: unknown[]) => queryE2eDb(sql, ...params);
  const inClients = `(${clients.map(() => "?").join(",")})`;
  const inUsers = `(${users.map(() => "?").join(",")})`;
  return JSON.stringify({
    clients: q(`select * from Client where id in ${inClients} order by id`, ...clients),
    newClients: q("select id, advisorId from Client where displayName like ? order by id", `Matrix new ${tag}%`),
    invitations: q(`select * from Invitation where clientId in ${inClients} order by id`, ...clients),
    connections: q(
      `select id, clientId, bank, credentialsTokenEnc, state, blocked, scaTokenEnc, resetTokenEnc from Connection where clientId in ${inClients} order by id`,
      ...clients,
    ),
    exchanges: q(
      `select id, status, connectionId, invitationId from LinkCodeExchange where connectionId in (select id from Connection where clientId in ${inClients}) order by id`,
      ...clients,
    ),
    wealth: q(
      `select connectionId, count(*) as n from WealthAccountTransaction where clientId in ${inClients} group by connectionId order by connectionId`,
      ...clients,
    ),
    syncRuns: q(`select count(*) as n from SyncRun where clientId in ${inClients}`, ...clients),
    users: q(`select id, email, name, role, disabled, sessionVersion, passwordHash from User where id in ${inUsers} order by id`, ...users),
    newUsers: q("select id from User where email like ?", `${tag}-created-%`),
    households: q(`select * from Household where name like ? order by id`, `Matrix%${tag}%`),
    householdMembers: q(
      `select * from HouseholdMember where clientId in ${inClients} or householdId in (select id from Household where name like ?) order by clientId`,
      ...clients,
      `Matrix%${tag}%`,
    ),
    // Sign-ins and sign-outs are left out: other tests sign Ana and Luis in and out in parallel, and no action does. By
    // actor, only the matrix's own users: Ana and Luis act on other clients in the tests running beside this one.
    audit: q(
      `select id, action, actorId, targetId from AuditEvent where action not like 'auth.sign%' and (targetId in ${inClients} or targetId in ${inUsers} or targetId in (select id from Connection where clientId in ${inClients})` +
        ` or targetId in (select id from Household where name like '%${tag}%') or actorId in (?, ?)) order by id`,
      ...clients,
      ...users,
      ...clients,
      w.targetUserId,
      w.disabledUserId,
    ),
  });
}

test("every server action, called directly, answers each caller as the matrix says; refused calls change nothing", async () => {
  test.setTimeout(180_000);
  const rows = ACCESS_MATRIX.filter((row): row is Extract<TMatrixRow, { kind: "action" }> => row.kind === "action");
  // The build serves exactly the actions of the matrix.
  const built = Object.values(readActionManifest())
    .map((entry) => `action ${entry.filename}#${entry.exportedName}`)
    .sort();
  expect(built).toEqual(rows.map(rowKey).sort());

  const failures: string[] = [];
  const run = async (row: (typeof rows)[number], caller: TCaller) => {
    const { fields, params } = actionInput(row.name, caller);
    // Public actions are posted to a public page (the proxy would send an anonymous caller to /login before any protected one).
    const ref = actionRef(row.file, row.name, row.name === "setLocaleAction" ? "app/(auth)/login/page" : undefined);
    const result = await callAction(world.callers[caller], ref, fields, { params, shape: row.name === "setLocaleAction" ? "formData" : "state" });
    const outcome = actionOutcomeOf(row.name, result);
    if (outcome !== row.expect[caller]) failures.push(`${rowKey(row)} as ${caller}: expected ${row.expect[caller]}, got ${outcome}`);
  };

  // The owner's refresh (previous test) must have finished before the database is compared.
  await expect.poll(() => queryE2eDb("select id from SyncRun where clientId = ? and status = 'RUNNING'", world.clientId).length, { timeout: 60_000 }).toBe(0);

  // Phase 1: every cell that must not write, then the database must be exactly as before.
  const before = dumpWorld();
  for (const row of rows) {
    for (const caller of CALLERS) if (row.expect[caller] !== "ok") await run(row, caller);
  }
  // Tampering beyond the matrix: an SCA invitation for Luis's own client naming Ana's connection.
  const sca = await callAction(
    world.callers.other,
    actionRef(CONNECTION_ACTIONS, "createInvitationAction"),
    { clientId: world.luisClientId, purpose: "SCA", connectionId: world.connectionIds[2]! },
    { params: { clientId: world.luisClientId } },
  );
  expect(actionOutcomeOf("createInvitationAction", sca)).toBe("denied");
  expect(failures).toEqual([]);
  expect(dumpWorld()).toBe(before);
  // Luis's own household cannot take Ana's client either (after the comparison: his household's creation is a write).
  const luisAct = (name: string, fields: Record<string, string>) => callAction(world.callers.other, actionRef(HOUSEHOLD_ACTIONS, name), fields);
  const luisHousehold = householdIdFromRedirect(await luisAct("createHouseholdAction", { name: `Luis ${tag} own household` }));
  const steal = await luisAct("setHouseholdMemberAction", { householdId: luisHousehold, clientId: world.clientId, role: "OTHER" });
  expect(actionOutcomeOf("setHouseholdMemberAction", steal)).toBe("denied");
  expect(queryE2eDb("select clientId from HouseholdMember where householdId = ?", luisHousehold)).toEqual([]);
  expect(queryE2eDb("select role from HouseholdMember where clientId = ?", world.clientId)).toEqual([{ role: "HOLDER" }]);

  // Phase 2: the allowed cells (the admin's reconcile runs alone, in e2e/exactly-once.exclusive.spec.ts).
  for (const row of rows) {
    for (const caller of CALLERS) {
      if (row.expect[caller] !== "ok" || (row.name === "reconcileAction" && caller === "admin")) continue;
      await run(row, caller);
    }
  }
  expect(failures).toEqual([]);

  // The allowed cells did what they say, to the right records.
  const created = queryE2eDb<{ advisorId: string; displayName: string }>(
    "select advisorId, displayName from Client where displayName like ? order by displayName",
    `Matrix new ${tag}%`,
  );
  expect(created).toEqual([
    { advisorId: world.luisId, displayName: `Matrix new ${tag} other` },
    { advisorId: world.anaId, displayName: `Matrix new ${tag} owner` },
  ]);
  expect(queryE2eDb("select id from Connection where id in (?, ?, ?)", ...world.connectionIds)).toEqual([]);
  expect(queryE2eDb("select id from Client where id = ?", world.doomedClientId)).toEqual([]);
  expect(
    queryE2eDb<{ n: number }>(
      "select count(*) as n from Invitation where id in (?, ?) and revokedAt is not null",
      world.invitationIds[1],
      world.invitationIds[2],
    )[0]!.n,
  ).toBe(2);
  expect(queryE2eDb<{ advisorId: string; archived: number }>("select advisorId, archived from Client where id = ?", world.clientId)).toEqual([
    { advisorId: world.anaId, archived: 0 },
  ]);
  expect(queryE2eDb<{ disabled: number }>("select disabled from User where id = ?", world.targetUserId)).toEqual([{ disabled: 1 }]);
  const newHouseholds = queryE2eDb<{ advisorId: string; name: string }>(
    "select advisorId, name from Household where name like ? order by name",
    `Matrix new household ${tag}%`,
  );
  expect(newHouseholds).toEqual([
    { advisorId: world.luisId, name: `Matrix new household ${tag} other` },
    { advisorId: world.anaId, name: `Matrix new household ${tag} owner` },
  ]);
  expect(queryE2eDb("select id from Household where id in (?, ?)", ...world.doomedHouseholdIds)).toEqual([]);
  // The owner set the client's role, the admin set it back, the owner removed the doomed client, the admin the client.
  expect(queryE2eDb("select clientId from HouseholdMember where householdId = ?", world.householdId)).toEqual([]);
});
