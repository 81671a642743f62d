import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { openTokenWithKey } from "../lib/crypto/token-sealing";
import { E2E_BASE_URL } from "../playwright.config";
import { queryE2eDb } from "./db";
import { ADMIN, ANA, completeSandboxLink, consentAndOpenLink, createInvitationLink, LUIS, signIn, signInOverHttp } from "./fixtures";
import { canaryNeedles, DIST_DIR, E2E_DATA_DIR, findNeedles, listFiles, readCanaries, readServerLog, sandboxTokenNeedles, type TNeedle } from "./secret-scan";

/*
 * Secret canaries (issue 8). The e2e server runs with canary secrets (scripts/lib/canary-secrets.ts):
 * the auth secret, the encryption key, the Flanks client secret, and a prefix on every
 * credentials_token and access token the sandbox issues. This file crawls every route of app/ in
 * every role (HTML and the React flight payload, JSON, CSV, error pages, the admin console, the
 * connect flow in a browser) and scans the build's static files, the database file and the server
 * log: none may contain a canary or a real token. Exclusive (runs alone, last): it reads the sandbox
 * state and the log after everything else ran, and issues a sandbox access token.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const APP_DIR = "app";

/** Route patterns of app/: pages and route handlers, route groups removed ("/clients/[clientId]"). */
function appRoutes(): string[] {
  const routes = new Set<string>();
  const walk = (dir: string, segments: string[]) => {
    for (const entry of listDirectory(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory) walk(full, /^\(.*\)$/.test(entry.name) || entry.name.startsWith("_") ? segments : [...segments, entry.name]);
      else if (/^(page|route)\.tsx?$/.test(entry.name)) routes.add(`/${segments.join("/")}`);
    }
  };
  walk(APP_DIR, []);
  return [...routes].sort();
}

function listDirectory(dir: string): { name: string; isDirectory: boolean }[] {
  return listFiles(dir)
    .map((file) => path.relative(dir, file).split(path.sep))
    .map((parts) => ({ name: parts[0]!, isDirectory: parts.length > 1 }))
    .filter((entry, index, all) => all.findIndex((other) => other.name === entry.name) === index);
}

type TIds = { clientId: string; otherClientId: string; investmentId: string; userId: string; invitationToken: string };

/** The URLs that exercise each route pattern: a pattern found in app/ without an entry here fails the test. */
function urlsFor(ids: TIds): Record<string, string[]> {
  const c = `/clients/${ids.clientId}`;
  const api = `/api/clients/${ids.clientId}`;
  return {
    "/": ["/", "/?advisor=not-an-advisor-id"],
    "/login": ["/login", "/login?callbackUrl=%2Fclients&error=CredentialsSignin"],
    "/clients": ["/clients", "/clients?q=zzz-nobody", "/clients?q=Carmen&page=1"],
    "/clients/new": ["/clients/new"],
    "/clients/[clientId]": [c, `${c}?ccy=USD`, `/clients/${ids.otherClientId}`, "/clients/not-a-client-id"],
    "/clients/[clientId]/accounts": [`${c}/accounts`, `${c}/accounts?sort=amount&dir=asc&page=2`, `${c}/accounts?sort=bogus&page=-1`],
    "/clients/[clientId]/cards": [`${c}/cards`],
    "/clients/[clientId]/connections": [`${c}/connections`],
    "/clients/[clientId]/details": [`${c}/details`],
    "/clients/[clientId]/identity": [`${c}/identity`],
    "/clients/[clientId]/investments": [`${c}/investments`],
    "/clients/[clientId]/investments/[investmentId]": [`${c}/investments/${ids.investmentId}`, `${c}/investments/unknown-investment`],
    "/clients/[clientId]/investments/transactions": [`${c}/investments/transactions`],
    "/clients/[clientId]/liabilities": [`${c}/liabilities`],
    "/clients/[clientId]/mifid": [`${c}/mifid`],
    "/clients/[clientId]/performance": [`${c}/performance`],
    "/clients/[clientId]/portfolios": [`${c}/portfolios`],
    "/clients/[clientId]/profile": [`${c}/profile`],
    "/clients/[clientId]/report": [`${c}/report`],
    "/clients/[clientId]/report/print": [`${c}/report/print`, `${c}/report/print?from=bogus`],
    "/inbox": ["/inbox"],
    "/households": ["/households"],
    // No household exists in this database: the crawl checks the page's not-found answer.
    "/households/[householdId]": ["/households/not-a-household-id"],
    "/settings": ["/settings"],
    "/admin": ["/admin"],
    "/admin/audit": ["/admin/audit"],
    "/admin/banks": ["/admin/banks", "/admin/banks?q=test"],
    "/admin/clients": ["/admin/clients"],
    "/admin/connections": ["/admin/connections"],
    "/admin/reconcile": ["/admin/reconcile"],
    "/admin/set-aside": ["/admin/set-aside"],
    "/admin/users": ["/admin/users"],
    "/admin/users/[userId]": [`/admin/users/${ids.userId}`],
    "/api/auth/[...nextauth]": ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"],
    "/api/clients": ["/api/clients", "/api/clients?q=a"],
    "/api/health": ["/api/health"],
    "/api/clients/[clientId]": [api, "/api/clients/not-a-client-id"],
    "/api/clients/[clientId]/connections": [`${api}/connections`],
    "/api/clients/[clientId]/sync": [`${api}/sync`],
    "/api/clients/[clientId]/report": [`${api}/report`, `${api}/report?from=2026-13-01`],
    "/api/clients/[clientId]/transactions/[kind]": ["account", "card", "investment", "liability", "nonsense"]
      .map((kind) => `${api}/transactions/${kind}?page=1`)
      .concat(`${api}/transactions/account?page=-3&sort=nope`),
    "/api/clients/[clientId]/transactions/[kind]/csv": ["account", "card", "investment", "liability"].map((kind) => `${api}/transactions/${kind}/csv`),
    "/connect/[token]": [`/connect/${ids.invitationToken}`, "/connect/this-token-does-not-exist-0000000000000000000"],
    "/connect/callback": ["/connect/callback", "/connect/callback?code=not-a-code&ref=not-a-ref", "/connect/callback?error=INVALID_CREDENTIALS&ref=x"],
    "/connect/result": ["/connect/result", "/connect/result?error=INVALID_SCA", "/connect/result?exchange=unknown"],
    // The sandbox's API hands tokens out by design (it plays Flanks); its hosted Link page is crawled.
    "/sandbox/[...path]": ["/sandbox/link?token=sandbox-link", "/sandbox/link?token=wrong"],
    // Not a route: Next's own 404.
    "(not found)": ["/no-such-page", "/api/no-such-endpoint"],
  };
}

type TRole = { name: string; account: { email: string; password: string } | null };
const ROLES: TRole[] = [
  { name: "owning advisor", account: ANA },
  { name: "other advisor", account: LUIS },
  { name: "admin", account: ADMIN },
  { name: "anonymous", account: null },
];

let ids: TIds;
const leaks: string[] = [];
let needles: TNeedle[] = [];

function check(where: string, body: string) {
  for (const name of findNeedles(body, needles)) leaks.push(`${where}: ${name}`);
}

test.beforeAll(async () => {
  // The demo's connected clients are made and synced by the server's scheduler shortly after start.
  await expect
    .poll(
      () =>
        queryE2eDb<{ n: number }>(
          `SELECT count(*) AS n FROM WealthInvestment i JOIN Client c ON c.id = i.clientId WHERE c.displayName = 'Carmen Ruiz Ortega'`,
        )[0]?.n ?? 0,
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  const [carmen] = queryE2eDb<{ id: string }>(
    `SELECT c.id FROM Client c JOIN User u ON u.id = c.advisorId WHERE u.email = ? AND c.displayName = 'Carmen Ruiz Ortega'`,
    ANA.email,
  );
  const [other] = queryE2eDb<{ id: string }>(`SELECT c.id FROM Client c JOIN User u ON u.id = c.advisorId WHERE u.email = ? LIMIT 1`, LUIS.email);
  const [investment] = queryE2eDb<{ id: string }>(`SELECT id FROM WealthInvestment WHERE clientId = ? LIMIT 1`, carmen?.id);
  const [user] = queryE2eDb<{ id: string }>(`SELECT id FROM User WHERE email = ?`, ANA.email);
  expect(carmen && other && investment && user, "the demo client Carmen has synced data").toBeTruthy();
  ids = { clientId: carmen!.id, otherClientId: other!.id, investmentId: investment!.id, userId: user!.id, invitationToken: "" };
});

test("the canaries are the secrets the server really uses", async ({ request }) => {
  const canaries = readCanaries();
  // The client secret: the sandbox accepts it, exactly as the app asks for its access token.
  // Flanks keeps one valid access token: when the app's background job takes a new one between our
  // two requests, ours is cancelled (401), and we ask again.
  let list: Awaited<ReturnType<typeof request.post>> | undefined;
  for (let attempt = 0; attempt < 3 && list?.status() !== 200; attempt++) {
    const tokenResponse = await request.post("/sandbox/v0/token", {
      data: { client_id: "patrimonio-sandbox", client_secret: canaries.secrets.SANDBOX_CLIENT_SECRET, grant_type: "client_credentials" },
    });
    expect(tokenResponse.status()).toBe(200);
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    expect(access_token.startsWith(canaries.tokenPrefix)).toBe(true);
    // Every live credentials_token carries the prefix (listed as the app lists them).
    list = await request.post("/sandbox/v0/bank/credentials/list", { headers: { authorization: `Bearer ${access_token}` }, data: {} });
  }
  if (!list) throw new Error("no credentials list");
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: { credentials_token: string }[] };
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(item.credentials_token.startsWith(canaries.tokenPrefix)).toBe(true);
  // The encryption key: the stored tokens open with it, and are those tokens.
  const rows = queryE2eDb<{ id: string; credentialsTokenEnc: string }>(`SELECT id, credentialsTokenEnc FROM Connection WHERE credentialsTokenEnc IS NOT NULL`);
  expect(rows.length).toBeGreaterThan(0);
  const live = new Set(items.map((item) => item.credentials_token));
  for (const row of rows) {
    const token = openTokenWithKey(row.credentialsTokenEnc, "credentials_token", canaries.secrets.ENCRYPTION_KEY, { rowId: row.id });
    expect(token.startsWith(canaries.tokenPrefix)).toBe(true);
    expect(live.has(token)).toBe(true);
  }
  // The auth secret: the session cookie decodes with it.
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  await signInOverHttp(context, ANA.email, ANA.password);
  const cookie = (await context.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
  const decoded = await decode({ token: cookie!.value, secret: canaries.secrets.NEXTAUTH_SECRET });
  expect(decoded?.sid).toBeTruthy();
  await context.dispose();
});

test("the connect flow in a browser: no canary or token in any response", async ({ browser }) => {
  needles = [...canaryNeedles(), ...sandboxTokenNeedles()];
  const advisor = await (await browser.newContext()).newPage();
  const bodies: Promise<void>[] = [];
  const watch = (page: typeof advisor, who: string) =>
    page.on("response", (response) => {
      if (!response.url().startsWith(E2E_BASE_URL)) return;
      bodies.push(
        response
          .body()
          .then((body) => check(`${who} ${response.request().method()} ${response.url().slice(E2E_BASE_URL.length)}`, body.toString("utf8")))
          .catch(() => {}), // redirects have no body
      );
    });
  watch(advisor, "advisor");
  await signIn(advisor, ANA);
  await advisor.goto(`/clients/${ids.clientId}/connections`);
  const invitationUrl = await createInvitationLink(advisor);
  ids.invitationToken = invitationUrl.split("/connect/")[1]!;
  const endUser = await (await browser.newContext()).newPage();
  watch(endUser, "end user");
  await consentAndOpenLink(endUser, invitationUrl);
  await completeSandboxLink(endUser, { bankName: "TestBank", username: `canary-${Date.now()}`, password: "healthy" });
  await expect(endUser.getByRole("heading", { level: 1 })).toBeVisible();
  // The advisor watches the new connection's extraction (the page polls the connections API).
  await advisor.goto(`/clients/${ids.clientId}/connections`);
  await advisor.waitForTimeout(2_000);
  await Promise.all(bodies);
  expect(bodies.length).toBeGreaterThan(10);
  await advisor.context().close();
  await endUser.context().close();
  expect(leaks).toEqual([]);
});

test("every route in every role, as HTML, React payload, JSON and CSV: no canary, no token", async () => {
  needles = [...canaryNeedles(), ...sandboxTokenNeedles()];
  const table = urlsFor(ids);
  const missing = appRoutes().filter((route) => !(route in table));
  expect(missing, "routes of app/ the crawl does not cover: add them to urlsFor()").toEqual([]);

  const urls = Object.values(table).flat();
  let fetched = 0;
  for (const role of ROLES) {
    const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    if (role.account) await signInOverHttp(context, role.account.email, role.account.password);
    for (const url of urls) {
      // Pages also as the React flight payload (what client-side navigation fetches).
      const variants: { name: string; headers: Record<string, string> }[] = url.startsWith("/api/")
        ? [{ name: "json", headers: {} }]
        : [
            { name: "html", headers: {} },
            { name: "rsc", headers: { RSC: "1" } },
          ];
      for (const variant of variants) {
        const response = await context.get(url, { headers: variant.headers, failOnStatusCode: false, maxRedirects: 5 });
        const body = await response.text();
        fetched += 1;
        expect(response.status(), `${role.name} ${variant.name} ${url}`).toBeLessThan(500);
        check(`${role.name} ${variant.name} ${url} (${response.status()})`, `${JSON.stringify(response.headers())}\n${body}`);
      }
    }
    // The advisor's refresh (JSON answer) and the owner's view of real content, so the crawl is known to reach data.
    if (role.account === ANA) {
      const overview = await context.get(`/clients/${ids.clientId}`);
      expect(overview.status()).toBe(200);
      expect(await overview.text()).toContain("Carmen Ruiz Ortega");
      const csv = await context.get(`/api/clients/${ids.clientId}/transactions/account/csv`);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split("\n").length).toBeGreaterThan(100);
      const refresh = await context.post(`/api/clients/${ids.clientId}/sync`, { data: {}, failOnStatusCode: false });
      check(`${role.name} POST sync`, await refresh.text());
    }
    await context.dispose();
  }
  expect(fetched).toBeGreaterThan(300);
  expect(leaks).toEqual([]);
});

test("the build's static files, the database file and the server log hold no canary and no token", async () => {
  needles = [...canaryNeedles(), ...sandboxTokenNeedles()];
  expect(needles.filter((n) => n.name === "credentials_token").length).toBeGreaterThan(3);

  // Static assets of the build (what any browser can download), also against the secrets of the machine that built it.
  const staticFiles = listFiles(path.join(DIST_DIR, "static"));
  expect(staticFiles.length, `${DIST_DIR}/static exists`).toBeGreaterThan(10);
  let buildNeedles: TNeedle[] = [];
  try {
    const built = JSON.parse(readFileSync("data/secrets.json", "utf8")) as Record<string, string>;
    buildNeedles = Object.entries(built).map(([name, value]) => ({ name: `build machine's ${name}`, value }));
  } catch {
    buildNeedles = [];
  }
  for (const file of staticFiles) check(file, readFileSync(file).toString("latin1"));
  for (const file of staticFiles) for (const name of findNeedles(readFileSync(file).toString("latin1"), buildNeedles)) leaks.push(`${file}: ${name}`);

  // The SQLite file (and its journal): tokens only sealed, secrets never.
  const dbFiles = ["app.db", "app.db-wal", "app.db-journal"]
    .map((name) => path.join(E2E_DATA_DIR, name))
    .filter((file) => listFiles(E2E_DATA_DIR).includes(file));
  expect(dbFiles).toContain(path.join(E2E_DATA_DIR, "app.db"));
  for (const file of dbFiles) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle.value, "utf8"))) leaks.push(`${file}: ${needle.name}`);
  }

  // Everything the server printed during the whole end-to-end run.
  const log = readServerLog();
  expect(log.length).toBeGreaterThan(0);
  check("server.log", log);
  expect(leaks).toEqual([]);
});
