import { expect, test } from "@playwright/test";
import { ADMIN, appAlert, createAdvisorViaUi, createClientViaUi, LUIS, signIn, unique } from "./fixtures";

test("an admin creates an advisor, then disables them: denied on the very next request", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  const name = unique("Asesor Nuevo");
  const email = `${name.replace(/\s+/g, ".").toLowerCase()}@example.com`;
  await createAdvisorViaUi(admin, name, email, "a-long-password-1");

  const advisorContext = await browser.newContext();
  const advisor = await advisorContext.newPage();
  await signIn(advisor, { email, password: "a-long-password-1" });
  await advisor.goto("/clients");
  await expect(advisor.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();

  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByRole("button", { name: "Enable" })).toBeVisible();

  await advisor.goto("/clients");
  await expect(advisor).toHaveURL(/\/login/);
  expect((await advisor.request.get("/api/clients")).status()).toBe(401);
  // And cannot sign in again while disabled.
  const { csrfToken } = (await (await advisor.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const retry = await advisor.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "a-long-password-1", json: "true" } });
  expect(retry.headers()["set-cookie"] ?? "").not.toContain("session-token=ey");

  await adminContext.close();
  await advisorContext.close();
});

test("an admin resets a password: old sessions end, the new password works", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  const name = unique("Asesora Reset");
  const email = `${name.replace(/\s+/g, ".").toLowerCase()}@example.com`;
  await createAdvisorViaUi(admin, name, email, "first-password-123");

  const advisorContext = await browser.newContext();
  const advisor = await advisorContext.newPage();
  await signIn(advisor, { email, password: "first-password-123" });

  await admin.getByRole("link", { name }).click();
  await admin.getByLabel("New password", { exact: true }).fill("short");
  await admin.getByRole("button", { name: "Set a new password" }).click();
  await expect(appAlert(admin)).toHaveText("Please correct the highlighted fields.");
  await expect(admin.getByText("At least 12 characters.")).toHaveCount(2);
  await admin.getByLabel("New password", { exact: true }).fill("second-password-456");
  await admin.getByRole("button", { name: "Set a new password" }).click();
  await expect(admin.getByRole("status")).toContainText("Password changed");

  await advisor.goto("/clients");
  await expect(advisor).toHaveURL(/\/login/);
  await signIn(advisor, { email, password: "second-password-456" });
  await advisor.goto("/clients");
  await expect(advisor.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();

  await adminContext.close();
  await advisorContext.close();
});

test("an admin reassigns a client to another advisor, and the audit log shows it", async ({ browser }) => {
  const luisContext = await browser.newContext();
  const luis = await luisContext.newPage();
  await signIn(luis, LUIS);
  const name = unique("Reasignado");
  const clientId = await createClientViaUi(luis, name);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto(`/admin/clients?q=${encodeURIComponent(name)}`);
  await admin.getByLabel(`Assign to advisor (${name})`).selectOption({ label: "Ana Asesora" });
  await admin.getByRole("button", { name: "Reassign" }).click();
  await expect(
    admin
      .getByRole("row", { name: new RegExp(name) })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("Ana Asesora");

  expect((await luis.goto(`/clients/${clientId}`))!.status()).toBe(404);

  await admin.goto(`/admin/audit?action=client.reassign&target=${clientId}`);
  await expect(admin.getByRole("cell", { name: "client.reassign" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: ADMIN.email })).toBeVisible();

  await adminContext.close();
  await luisContext.close();
});
