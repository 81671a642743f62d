import { expect, test } from "@playwright/test";
import { appAlert, ANA, createClientViaUi, signIn, unique } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await signIn(page, ANA);
});

test("an advisor creates, renames, archives and restores a client", async ({ page }) => {
  const name = unique("Cliente Prueba");
  const clientId = await createClientViaUi(page, name, "prueba@example.com");
  await expect(page.getByText("Client created.")).toBeVisible();

  const renamed = `${name} (renamed)`;
  await page.getByLabel("Display name").fill(renamed);
  await page.getByLabel("External reference").fill("CRM-XYZ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByText("CRM-XYZ").first()).toBeVisible();

  await page.getByRole("button", { name: "Archive client" }).click();
  await expect(page.getByText("This client is archived.")).toBeVisible();
  await page.goto(`/clients?q=${encodeURIComponent(renamed)}`);
  await expect(page.getByText(/No clients match/)).toBeVisible();
  await page.goto(`/clients?q=${encodeURIComponent(renamed)}&archived=1`);
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();

  await page.goto(`/clients/${clientId}/details`);
  await page.getByRole("button", { name: "Restore client" }).click();
  await expect(page.getByText("This client is archived.")).toHaveCount(0);
});

test("a bad form shows its errors next to the fields and stores nothing", async ({ page }) => {
  await page.goto("/clients/new");
  await page.getByLabel("Display name").fill("   ");
  await page.getByLabel("Contact email").fill("ana@example.com");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(appAlert(page)).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByLabel("Display name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Required.")).toBeVisible();

  const name = unique("Nunca Guardado");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Contact email").fill("not-an-email");
  await page.getByLabel("External reference").fill("x".repeat(80));
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Too long (at most 64 characters).")).toBeVisible();
  await expect(page.getByLabel("Display name")).not.toHaveAttribute("aria-invalid", "true");
  // What was typed is kept for correction, and nothing was stored.
  await expect(page.getByLabel("Contact email")).toHaveValue("not-an-email");
  await expect(page).toHaveURL(/\/clients\/new$/);
  const stored = await (await page.request.get(`/api/clients?q=${encodeURIComponent(name)}`)).json();
  expect(stored.total).toBe(0);
});

test("searching and sorting the list", async ({ page }) => {
  const tag = unique("Zeta").replace(" ", "");
  await createClientViaUi(page, `${tag} Alfa`);
  await createClientViaUi(page, `${tag} Bravo`);
  await page.goto("/clients");
  await page.getByLabel("Search clients by name, email or reference").fill(tag);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("table").getByRole("link");
  await expect(rows).toHaveText([`${tag} Alfa`, `${tag} Bravo`]);
  await page.getByLabel("Sort by").selectOption("created");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/sort=created/);
  await expect(rows).toHaveText([`${tag} Bravo`, `${tag} Alfa`]);

  // Links prefetch on intent, not on sight (decision 033): showing the list asks the server for
  // nothing more; pointing at a client prefetches that client.
  const rscRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("_rsc=")) rscRequests.push(new URL(request.url()).pathname);
  });
  await page.reload({ waitUntil: "networkidle" });
  expect(rscRequests).toEqual([]);
  await rows.first().hover();
  const href = await rows.first().getAttribute("href");
  await expect.poll(() => rscRequests).toContain(href);
});

test("unknown query parameters fall back to defaults instead of failing", async ({ page }) => {
  const response = await page.goto("/clients?sort=DROP%20TABLE&page=-4&archived=maybe");
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
});
