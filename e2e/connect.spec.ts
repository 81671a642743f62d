import { expect, test, type Browser } from "@playwright/test";
import { queryE2eDb } from "./db";
import {
  ADMIN,
  ANA,
  appAlert,
  completeSandboxLink,
  consentAndOpenLink,
  createClientViaUi,
  createInvitationLink,
  linkReference,
  signIn,
  unique,
} from "./fixtures";

async function advisorWithClient(browser: Browser, name = unique("Conecta")) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ANA);
  const clientId = await createClientViaUi(page, name, "cliente@example.com");
  await page.goto(`/clients/${clientId}/connections`);
  return { context, page, clientId, name };
}

test("the whole connect flow: invite, consent, Link, result, and the advisor sees the extraction", async ({ browser }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  await expect(advisor.page.getByText("shown only once")).toBeVisible();

  const endUserContext = await browser.newContext();
  const endUser = await endUserContext.newPage();
  await endUser.goto(invitationUrl);
  await expect(endUser.getByRole("heading", { name: "Connect your banks" })).toBeVisible();
  await expect(endUser.getByText("Ana Asesora (Patrimonio) asks you")).toBeVisible();
  // Consent is required.
  await endUser.getByRole("button", { name: "Continue to my bank" }).click();
  await expect(appAlert(endUser)).toHaveText("Please tick the box to continue.");
  await endUser.getByRole("checkbox").check();
  await endUser.getByRole("button", { name: "Continue to my bank" }).click();
  await expect(endUser).toHaveURL(/\/sandbox\/link\?.*rollback=true/);
  expect(endUser.url()).not.toContain(invitationUrl.split("/connect/")[1]!);
  await completeSandboxLink(endUser, { bankName: "TestBank", username: `user-${Date.now()}`, password: "healthy" });
  await expect(endUser.getByRole("heading", { name: "Bank connected" })).toBeVisible();
  await expect(endUser.getByText("TestBank (sandbox scenarios) is connected. Ana Asesora will see your data shortly")).toBeVisible();
  await expect(endUser.getByRole("link", { name: "Connect another bank" })).toBeVisible();

  await advisor.page.reload();
  const row = advisor.page.getByTestId("connection-testbank");
  await expect(row).toBeVisible();
  await expect(row.getByTestId("connection-state")).toHaveText("Up to date", { timeout: 20_000 });
  await expect(row.getByText("13 of 13 products")).toBeVisible();
  await expect(advisor.page.getByTestId("invitation-state").first()).toHaveText("Used");
  await endUserContext.close();
  await advisor.context.close();
});

test("ready at the exchange: the first load starts with the exchange, not with a scheduled job", async ({ browser }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUserContext = await browser.newContext();
  const endUser = await endUserContext.newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  // "ready": Flanks' first status already says pending: false, so the poll of pending connections never sees it.
  await completeSandboxLink(endUser, { bankName: "TestBank", username: `ready-${Date.now()}`, password: "ready" });
  await expect(endUser.getByRole("heading", { name: "Bank connected" })).toBeVisible();

  await advisor.page.goto(`/clients/${advisor.clientId}/connections`);
  const state = advisor.page.getByTestId("connection-testbank").getByTestId("connection-state");
  await expect(state).toHaveText(/^(Loading data|Up to date)$/);
  await expect(state).toHaveText("Up to date");
  // Loaded by the exchange itself: a daily or manual sync would carry another reason.
  const runs = queryE2eDb<{ reason: string; status: string }>(
    `SELECT r."reason", r."status" FROM "SyncRun" r JOIN "Connection" c ON c."id" = r."connectionId" WHERE c."clientId" = ?`,
    advisor.clientId,
  );
  expect(runs).toContainEqual({ reason: "first-extraction", status: "SUCCEEDED" });
  await advisor.page.goto(`/clients/${advisor.clientId}`);
  await expect(advisor.page.getByText("Data not loaded yet")).toHaveCount(0);
  await endUserContext.close();
  await advisor.context.close();
});

test("a Link error comes back in plain words with a way to try again", async ({ browser }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  await completeSandboxLink(endUser, { bankName: "TestBank", username: "someone", password: "wrong-password" });
  await expect(endUser.getByRole("heading", { name: "The bank was not connected" })).toBeVisible();
  await expect(appAlert(endUser)).toHaveText("The bank did not accept the username or password. Check them and try again.");
  await endUser.getByRole("link", { name: "Try again" }).click();
  await expect(endUser.getByRole("heading", { name: "Connect your banks" })).toBeVisible();
  await advisor.context.close();
});

test("an unknown, revoked or malformed invitation says only to ask for a new link", async ({ browser }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  await advisor.page.reload();
  await advisor.page.getByRole("button", { name: "Revoke" }).click();
  await expect(advisor.page.getByTestId("invitation-state").first()).toHaveText("Revoked");
  const visitor = await (await browser.newContext()).newPage();
  for (const url of [invitationUrl, "/connect/not-a-token", `/connect/${"A".repeat(43)}`]) {
    const response = await visitor.goto(url);
    expect(response!.status()).toBeLessThan(500);
    await expect(visitor.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
    await expect(visitor.getByText(advisor.name)).toHaveCount(0);
  }
  await advisor.context.close();
});

test("a code whose tab was closed is recovered by reconciliation", async ({ browser, request }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  const ref = linkReference(endUser);
  // The end user finished at the bank but never came back: the code waits at Flanks.
  await request.post("/sandbox/_control/credentials", {
    data: { bank: "banco-meseta", username: `closed-${Date.now()}`, password: "demo-pass", extra: { ref } },
  });
  // And one nobody can place.
  await request.post("/sandbox/_control/credentials", {
    data: { bank: "testbank", username: `orphan-${Date.now()}`, password: "healthy", extra: { ref: "not-one-of-ours" } },
  });

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/reconcile");
  await expect(admin.getByTestId("pending-codes").getByText(`Mapped to an invitation: ${advisor.name}`)).toBeVisible();
  await expect(admin.getByTestId("pending-codes").getByText("No matching invitation").first()).toBeVisible();
  await admin.getByRole("button", { name: "Recover link codes now" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Codes exchanged" })).toContainText(/Codes exchanged: [1-9]\d*\./);

  const { connections } = await (await advisor.page.request.get(`/api/clients/${advisor.clientId}/connections`)).json();
  expect(connections).toHaveLength(1);
  expect(connections[0].bank).toBe("banco-meseta");
  await admin.goto("/admin/audit?action=connection.reconcile");
  await expect(admin.getByRole("cell", { name: "connection.reconcile" }).first()).toBeVisible();
  await advisor.context.close();
});

for (const scenario of [
  { password: "needs-sca", banner: /needs your client to re-authenticate/, button: "Create re-authentication link", title: "Re-authenticate with your bank" },
  { password: "blocked", banner: /is blocked since/, button: "Create link to update credentials", title: "Update your bank credentials" },
]) {
  test(`${scenario.password}: the banner appears, the re-authentication link fixes it, the banner goes`, async ({ browser }) => {
    const advisor = await advisorWithClient(browser);
    const invitationUrl = await createInvitationLink(advisor.page);
    const endUserContext = await browser.newContext();
    const endUser = await endUserContext.newPage();
    const username = `${scenario.password}-${Date.now()}`;
    await consentAndOpenLink(endUser, invitationUrl);
    await completeSandboxLink(endUser, { bankName: "TestBank", username, password: scenario.password });

    // The extraction finishes (the server polls Flanks), then the state shows on every page of the client.
    await expect(async () => {
      await advisor.page.goto(`/clients/${advisor.clientId}/details`);
      await expect(advisor.page.getByTestId("connection-banners")).toContainText(scenario.banner, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await advisor.page.goto("/clients?q=" + encodeURIComponent(advisor.name));
    await expect(advisor.page.getByTestId("needs-action")).toBeVisible();
    await advisor.page.goto("/inbox");
    await expect(advisor.page.getByTestId("inbox").getByRole("link", { name: advisor.name })).toBeVisible();

    await advisor.page.goto(`/clients/${advisor.clientId}/details`);
    const reauthUrl = await createInvitationLink(advisor.page, scenario.button);
    await endUser.goto(reauthUrl);
    await expect(endUser.getByRole("heading", { name: scenario.title })).toBeVisible();
    await endUser.getByRole("checkbox").check();
    await endUser.getByRole("button", { name: "Continue to my bank" }).click();
    await expect(endUser).toHaveURL(/\/sandbox\/link\?.*(sca_token|reset_token)=/);
    await completeSandboxLink(endUser, { password: "healthy" });
    await expect(endUser.getByText("is authenticated again")).toBeVisible();
    // The re-authentication brought new data: it is loaded right away, not at the next sweep.
    await expect
      .poll(
        () =>
          queryE2eDb<{ reason: string }>(
            `SELECT r."reason" FROM "SyncRun" r JOIN "Connection" c ON c."id" = r."connectionId" WHERE c."clientId" = ? AND r."reason" = 'new-data'`,
            advisor.clientId,
          ).length,
      )
      .toBeGreaterThan(0);

    await advisor.page.goto(`/clients/${advisor.clientId}/details`);
    await expect(advisor.page.getByTestId("connection-banners")).toHaveCount(0);
    await endUserContext.close();
    await advisor.context.close();
  });
}

test("an exchange Flanks holds for security checks shows as verifying, then completes by itself", async ({ browser }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  await completeSandboxLink(endUser, { bankName: "TestBank", username: `delayed-${Date.now()}`, password: "delayed" });
  await expect(endUser.getByText("Flanks is running its usual security checks")).toBeVisible();
  await advisor.page.reload();
  // The background job exchanges the code again; the connection then extracts as usual.
  await expect(async () => {
    await advisor.page.reload();
    await expect(advisor.page.getByTestId("connection-testbank").getByTestId("connection-state")).toHaveText("Up to date", { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await advisor.context.close();
});

test("the advisor disconnects a bank: confirmed, erased, audited", async ({ browser, request }) => {
  const advisor = await advisorWithClient(browser);
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  const ref = linkReference(endUser);
  const { code } = await (
    await request.post("/sandbox/_control/credentials", {
      data: { bank: "banco-meseta", username: `bye-${Date.now()}`, password: "demo-pass", extra: { ref } },
    })
  ).json();
  await request.get(`/connect/callback?code=${code}&ref=${ref}`, { maxRedirects: 0 });
  await advisor.page.reload();
  const row = advisor.page.getByTestId("connection-banco-meseta");
  await expect(row).toBeVisible();
  const [connection] = (await (await advisor.page.request.get(`/api/clients/${advisor.clientId}/connections`)).json()).connections as { id: string }[];

  // Dismissing the confirmation keeps it.
  advisor.page.once("dialog", (dialog) => dialog.dismiss());
  await row.getByRole("button", { name: "Disconnect" }).click();
  await advisor.page.reload();
  await expect(row).toBeVisible();

  advisor.page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Disconnect" }).click();
  await expect(advisor.page.getByText("No bank connected yet")).toBeVisible();
  const { connections } = await (await advisor.page.request.get(`/api/clients/${advisor.clientId}/connections`)).json();
  expect(connections).toHaveLength(0);
  expect(queryE2eDb("select id from Connection where id = ?", connection!.id)).toHaveLength(0);
  expect(
    queryE2eDb<{ actorEmail: string }>("select actorEmail from AuditEvent where action = 'connection.disconnect' and targetId = ?", connection!.id),
  ).toEqual([{ actorEmail: ANA.email }]);
  await advisor.context.close();
});

test("broken callbacks get a clear page, never an error", async ({ request }) => {
  for (const query of ["", "?code=", "?code=%3Cscript%3E", "?code=unknown-code&ref=not-ours", "?error=SOMETHING_NEW", `?code=${"x".repeat(5000)}`]) {
    const response = await request.get(`/connect/callback${query}`, { maxRedirects: 0, headers: { "Accept-Language": "en" } });
    expect(response.status(), query).toBe(303);
    expect(response.headers().location, query).toMatch(/^\/connect\/result\?error=(UNKNOWN|UNKNOWN_LINK)$/);
  }
  const page = await request.get("/connect/result?error=UNKNOWN_LINK", { headers: { "Accept-Language": "en" } });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("ask your advisor for a new link");
});
