import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db";
import { ADMIN, ANA, consentAndOpenLink, createClientViaUi, createInvitationLink, linkReference, signIn, unique } from "./fixtures";

test("admin forces SCA, then deletes the connection: erased from the database, audit kept", async ({ browser, request }) => {
  const advisor = await (await browser.newContext()).newPage();
  await signIn(advisor, ANA);
  const name = unique("Admin Fuerza");
  const clientId = await createClientViaUi(advisor, name);
  await advisor.goto(`/clients/${clientId}/connections`);
  const invitationUrl = await createInvitationLink(advisor);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  const ref = linkReference(endUser);
  const { code } = await (
    await request.post("/sandbox/_control/credentials", { data: { bank: "testbank", username: `force-${Date.now()}`, password: "healthy", extra: { ref } } })
  ).json();
  await request.get(`/connect/callback?code=${code}&ref=${ref}`, { maxRedirects: 0 });
  const [connection] = queryE2eDb<{ id: string; credentialsTokenEnc: string }>("select id, credentialsTokenEnc from Connection where clientId = ?", clientId);
  expect(connection).toBeTruthy();
  // Sealed at rest: AES-GCM envelope bound to its row (v2), not a bare token.
  expect(connection!.credentialsTokenEnc).toMatch(/^v2\.[\w-]+\.[\w-]+\.[\w-]+$/);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/connections");
  const card = admin.getByTestId("admin-connection").filter({ hasText: name });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Force SCA" }).click();
  await expect(card.getByTestId("admin-connection-state")).toHaveText("Needs re-authentication");
  await card.getByText("Last status from Flanks").click();
  await expect(card.locator("pre")).toContainText('"sca_token": "[present]"');

  // The advisor's pages now say so.
  await advisor.goto(`/clients/${clientId}/details`);
  await expect(advisor.getByTestId("connection-banners")).toContainText("needs your client to re-authenticate");

  admin.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Delete" }).click();
  await expect(admin.getByTestId("admin-connection").filter({ hasText: name })).toHaveCount(0);

  expect(queryE2eDb("select id from Connection where id = ?", connection!.id)).toHaveLength(0);
  expect(queryE2eDb("select id from LinkCodeExchange where connectionId = ?", connection!.id)).toHaveLength(0);
  expect(queryE2eDb("select id from Invitation where connectionId = ?", connection!.id)).toHaveLength(0);
  const audit = queryE2eDb<{ action: string }>("select action from AuditEvent where targetId = ? order by id", connection!.id).map((row) => row.action);
  expect(audit).toEqual(expect.arrayContaining(["connection.exchange", "connection.force_sca", "connection.delete"]));

  await admin.goto(`/admin/audit?target=${connection!.id}`);
  for (const action of ["connection.exchange", "connection.force_sca", "connection.delete"]) {
    await expect(admin.getByRole("cell", { name: action, exact: true })).toBeVisible();
  }
});

test("credentials Flanks has and Patrimonio does not: adopted onto the client external_id names, or deleted at Flanks", async ({ browser, request }) => {
  const advisor = await (await browser.newContext()).newPage();
  await signIn(advisor, ANA);
  const name = unique("Adopta");
  const clientId = await createClientViaUi(advisor, name);
  // Two Links finished at the bank whose codes never reached Patrimonio.
  await request.post("/sandbox/_control/credentials", {
    data: { bank: "testbank", username: `adopt-${Date.now()}`, password: "ready", external_id: clientId },
  });
  const stranger = unique("ext");
  await request.post("/sandbox/_control/credentials", {
    data: { bank: "testbank", username: `stray-${Date.now()}`, password: "healthy", external_id: stranger },
  });

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/reconcile");
  const mine = admin.getByTestId("unknown-credentials").filter({ hasText: name });
  await expect(mine.getByLabel("Client id")).toHaveValue(clientId);
  admin.once("dialog", (dialog) => dialog.accept());
  await mine.getByRole("button", { name: "Adopt onto client" }).click();
  await expect(admin.getByTestId("unknown-credentials").filter({ hasText: name })).toHaveCount(0);
  const [adopted] = queryE2eDb<{ id: string; state: string }>("select id, state from Connection where clientId = ?", clientId);
  expect(adopted).toBeTruthy();
  expect(queryE2eDb("select action from AuditEvent where targetId = ? and action = 'connection.adopt'", adopted!.id)).toHaveLength(1);
  await advisor.goto(`/clients/${clientId}/connections`);
  await expect(advisor.getByTestId("connection-testbank").getByTestId("connection-state")).toHaveText("Up to date");

  const stray = admin.getByTestId("unknown-credentials").filter({ hasText: stranger });
  await expect(stray.getByLabel("Client id")).toHaveValue("");
  admin.once("dialog", (dialog) => dialog.accept());
  await stray.getByRole("button", { name: "Delete at Flanks" }).click();
  await expect(admin.getByTestId("unknown-credentials").filter({ hasText: stranger })).toHaveCount(0);
  expect(queryE2eDb("select action from AuditEvent where action = 'connection.delete_unknown' and details like ?", `%${stranger}%`)).toHaveLength(1);
});
