import { expect, test } from "@playwright/test";
import { ANA, unique } from "./fixtures";
import { csrfFrom, requestFrom, signInFrom } from "./from-address";

/*
 * Issue 16: the sign-in throttle reads the TCP peer (not the X-Forwarded-For a caller writes) and
 * reserves each attempt before the Argon2 hash; sign-in never leaves the site; the end users' pages
 * are limited per address. Each test calls from a loopback address of its own (127.0.0.x).
 */
const rotatingForwardedFor = (index: number) => ({ "X-Forwarded-For": `198.51.100.${index}, 203.0.113.${index}` });

test("50 parallel wrong passwords for one account, each with another X-Forwarded-For: 5 are checked, 45 throttled", async () => {
  const from = "127.0.0.2";
  const email = `${unique("flood").replace(" ", "")}@example.com`;
  const csrf = await csrfFrom(from);
  const outcomes = await Promise.all(
    Array.from({ length: 50 }, (_, index) => signInFrom(from, csrf, { email, password: `wrong-password-${index}` }, rotatingForwardedFor(index))),
  );
  expect(outcomes.filter((outcome) => outcome === "CredentialsSignin")).toHaveLength(5);
  expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(45);
});

test("50 parallel wrong passwords for 50 accounts from one address, each with another X-Forwarded-For: the address is throttled after 30", async () => {
  const from = "127.0.0.3";
  const tag = unique("spray").replace(" ", "");
  const csrf = await csrfFrom(from);
  const outcomes = await Promise.all(
    Array.from({ length: 50 }, (_, index) =>
      signInFrom(from, csrf, { email: `${tag}-${index}@example.com`, password: "wrong-password" }, rotatingForwardedFor(index)),
    ),
  );
  expect(outcomes.filter((outcome) => outcome === "CredentialsSignin")).toHaveLength(30);
  expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(20);
  // Even the right password waits: that address has had its share of hashes for 15 minutes.
  expect(await signInFrom(from, csrf, ANA, rotatingForwardedFor(99))).toBe("throttled");
});

test("the end users' pages are limited per address: the Link callback answers 429 after 120 requests a minute", async () => {
  const from = "127.0.0.4";
  const statuses = await Promise.all(
    Array.from({ length: 130 }, (_, index) =>
      requestFrom(from, `/connect/callback?error=ABORTED_BY_USER&ref=x${index}`, { headers: rotatingForwardedFor(index) }).then((response) => response.status),
    ),
  );
  expect(statuses.filter((status) => status === 303)).toHaveLength(120);
  expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  const refused = await requestFrom(from, "/connect/this-token-does-not-exist-0000000000000000000");
  expect(refused.body).toContain('data-testid="rate-limited"');
  const last = await requestFrom(from, "/connect/callback?error=ABORTED_BY_USER");
  expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
});

test("a caller's own X-Forwarded-Proto: https does not turn on HSTS on a plain-http server", async ({ request }) => {
  const response = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});

// Two in a browser (a backslash the browser would turn into another host, an absolute URL); every form of it is in
// lib/security/same-origin-path.test.ts.
for (const callbackUrl of ["/\\evil.example", "https://evil.example/clients"]) {
  test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)} stays on the site`, async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).host));
    // As a link would carry it: the value encoded once into the query string (`/%5C…` arrives as `/\…`).
    await page.goto(`/login?callbackUrl=${encodeURIComponent(decodeURIComponent(callbackUrl))}`);
    await page.getByLabel("Email").fill(ANA.email);
    await page.getByLabel("Password").fill(ANA.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A callbackUrl that is not a path of this site falls back to the home page: the advisor's book.
    await expect(page.getByRole("heading", { level: 1, name: "Book" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(requests.filter((host) => host.includes("evil"))).toEqual([]);
  });
}
