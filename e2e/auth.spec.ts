import { expect, test } from "@playwright/test";
import { appAlert, ADMIN, ANA, signIn, unique } from "./fixtures";

test("an advisor signs in with the form, lands on their clients, and signs out", async ({ page }) => {
  await page.goto("/clients");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclients/);
  await page.getByLabel("Email").fill(ANA.email);
  await page.getByLabel("Password").fill(ANA.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Ana Asesora");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The old cookie is gone and the server-side session ended: protected pages redirect again.
  await page.goto("/clients");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ANA.email);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toBeVisible();
  const wrongPassword = await appAlert(page).textContent();
  await page.getByLabel("Email").fill(`${unique("nobody").replace(" ", "")}@example.com`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toHaveText(wrongPassword!);
  expect(wrongPassword).toContain("not correct");
});

test("repeated failures for one account are throttled, even with the right password afterwards", async ({ page }) => {
  const email = `${unique("throttle").replace(" ", "")}@example.com`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "wrong-password-123", json: "true" } });
  }
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(appAlert(page)).toContainText("Too many failed attempts");
});

// In a browser, once: the access matrix (access-matrix.spec.ts) checks every route for an anonymous caller over HTTP.
test("an anonymous visitor of a client's page is sent to /login", async ({ page }) => {
  await page.goto("/clients/cl0000000000000000000000");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the JSON API answers 401 without a session", async ({ request }) => {
  const response = await request.get("/api/clients");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in first" } });
});

test("signed-in pages carry the security headers", async ({ page }) => {
  await signIn(page, ADMIN);
  const response = await page.goto("/admin/users");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["cache-control"]).toContain("no-store");
  // The page is interactive under that policy: client components hydrated (the sign-out button works from JS).
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
});

test("idle connections stay open 65 s, so a client pausing between requests never reuses one the server is closing", async ({ request }) => {
  // With Node's 5 s default a request context reused its socket as the server closed it: ECONNRESET in CI.
  const response = await request.get("/login");
  expect(response.headers()["connection"]).toBe("keep-alive");
  expect(response.headers()["keep-alive"]).toBe("timeout=65");
});
