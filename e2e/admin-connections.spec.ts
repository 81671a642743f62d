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
  const { code } = await (await request.post("/sandbox/_control/credentials", { data: { bank: "testbank", username: `force-${Date.now()}`, password: "healthy", extra: { ref } } })).json();
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
