import { expect, test } from "@playwright/test";
import { ANA, createClientViaUi, LUIS, signIn, unique } from "./fixtures";

test("an advisor cannot open, read or change another advisor's client by any route", async ({ browser }) => {
  const anaContext = await browser.newContext();
  const ana = await anaContext.newPage();
  await signIn(ana, ANA);
  const name = unique("Privado");
  const anaClientId = await createClientViaUi(ana, name);

  const luisContext = await browser.newContext();
  const luis = await luisContext.newPage();
  await signIn(luis, LUIS);

  // By URL: the same 404 as a client that does not exist.
  const page = await luis.goto(`/clients/${anaClientId}`);
  expect(page!.status()).toBe(404);
  await expect(luis.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(luis.getByText(name)).toHaveCount(0);

  // By the JSON API.
  const api = await luis.request.get(`/api/clients/${anaClientId}`);
  expect(api.status()).toBe(404);
  const list = await (await luis.request.get(`/api/clients?q=${encodeURIComponent(name)}`)).json();
  expect(list.total).toBe(0);

  // By tampering with the edit form of one of his own clients: the action refuses.
  const luisClientId = await createClientViaUi(luis, unique("Luis propio"));
  await luis.goto(`/clients/${luisClientId}/details`);
  await luis
    .locator('input[name="clientId"]')
    .first()
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), anaClientId);
  await luis.getByLabel("Display name").fill("Hijacked");
  await luis.getByRole("button", { name: "Save" }).click();
  // Each form answers in its own region (the edit form's refusal may still be shown below).
  await expect(luis.getByRole("region", { name: "Edit details" }).getByRole("alert")).toHaveText("You are not allowed to do that.");
  // And the archive action, tampered the same way.
  await luis.locator('form:has(input[name="archived"]) input[name="clientId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), anaClientId);
  await luis.getByRole("button", { name: "Archive client" }).click();
  await expect(luis.getByRole("region", { name: "Archive client" }).getByRole("alert")).toHaveText("You are not allowed to do that.");

  await ana.goto(`/clients/${anaClientId}`);
  await expect(ana.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(ana.getByText("This client is archived.")).toHaveCount(0);

  await anaContext.close();
  await luisContext.close();
});

test("advisors get 404 under /admin", async ({ page }) => {
  await signIn(page, ANA);
  for (const path of ["/admin", "/admin/users", "/admin/clients", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
  }
});
