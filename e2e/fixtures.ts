import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo/demo-accounts";
import { E2E_BASE_URL } from "../playwright.config";

export const ADMIN = DEMO_ACCOUNTS[0];
export const ANA = DEMO_ACCOUNTS[1];
export const LUIS = DEMO_ACCOUNTS[2];

/** Signs in over HTTP (next-auth's credentials callback); the page's context receives the cookie. */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  expect([200, 302]).toContain(response.status());
  const cookies = response.headers()["set-cookie"] ?? "";
  expect(cookies, `sign-in as ${email} should set a session cookie`).toContain("next-auth.session-token");
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  // This browser's own language choice, so another test switching the account's saved language cannot interfere.
  await page.context().addCookies([{ name: "patrimonio-locale", value: "en", url: E2E_BASE_URL }]);
  await signInOverHttp(page.request, account.email, account.password);
}

export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Creates a client through the UI as the signed-in advisor and returns its id. */
export async function createClientViaUi(page: Page, displayName: string, email = "client@example.com"): Promise<string> {
  await page.goto("/clients/new");
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Contact email").fill(email);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  const id = page.url().match(/\/clients\/([a-z0-9]+)/)?.[1];
  expect(id).toBeTruthy();
  return id!;
}

/** The app's own alert, not Next's (empty) route announcer which also has role=alert. */
export function appAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
