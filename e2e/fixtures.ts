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

/** Creates an advisor through the admin's form (the page is signed in as an admin) and returns their user id. */
export async function createAdvisorViaUi(page: Page, name: string, email: string, password: string): Promise<string> {
  await page.goto("/admin/users");
  const form = page.getByRole("region", { name: "New person" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("ADVISOR");
  await form.getByLabel("New password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("status")).toHaveText("Person created.");
  const link = page.getByRole("link", { name });
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!.split("/").pop()!;
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

/** As the signed-in advisor: creates a connect (or re-authentication) invitation from the page and returns its link. */
export async function createInvitationLink(page: Page, buttonName: string | RegExp = "Invite to connect a bank"): Promise<string> {
  await page.getByRole("button", { name: buttonName }).first().click();
  const link = page.getByLabel("Invitation link").first();
  await expect(link).toHaveValue(/\/connect\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

/** As the end user (no account): opens the invitation, consents, and stops on the Flanks Link page. */
export async function consentAndOpenLink(page: Page, invitationUrl: string): Promise<void> {
  await page.goto(invitationUrl);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Continue to my bank" }).click();
  await expect(page).toHaveURL(/\/sandbox\/link\?/);
}

/** On the sandbox's hosted Link: picks the bank (unless preselected), signs in, and returns to our result page. */
export async function completeSandboxLink(page: Page, login: { bankName?: string; username?: string; password: string }): Promise<void> {
  if (login.bankName) await page.getByRole("button", { name: new RegExp(login.bankName) }).click();
  const username = page.getByLabel("Username");
  if (login.username && (await username.getAttribute("readonly")) === null) await username.fill(login.username);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/connect\/result/);
}

export async function sandboxCount(request: APIRequestContext, key: string): Promise<number> {
  const body = (await (await request.get("/sandbox/_control/counters")).json()) as { counts: Record<string, number> };
  return body.counts[key] ?? 0;
}

/** The opaque invitation reference the Link carries as `extra`, read from the Link page's address. */
export function linkReference(page: Page): string {
  const ref = new URL(page.url()).searchParams.get("ref");
  expect(ref).toBeTruthy();
  return ref!;
}
