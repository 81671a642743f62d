import { expect, test } from "@playwright/test";
import { ANA, signIn } from "./fixtures";

test("the language switch changes the page and the choice persists", async ({ page }) => {
  await signIn(page, ANA);
  await page.goto("/clients");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page).toHaveTitle("Clients · Patrimonio");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clientes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es-ES");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Clientes" })).toBeVisible();
  await expect(page).toHaveTitle("Clientes · Patrimonio");
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
});

test("the sign-in page speaks the browser's language until one is chosen", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
  await expect(page).toHaveTitle("Iniciar sesión · Patrimonio");
  await expect(page.getByText("Cuentas de demostración (modo sandbox)")).toBeVisible();
  await context.close();
});
