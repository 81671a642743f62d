import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db";
import { ANA, consentAndOpenLink, createClientViaUi, createInvitationLink, linkReference, sandboxCount, signIn, unique } from "./fixtures";

/*
 * Tests that count requests at the sandbox (its counters are global) run in this one file, alone,
 * after every other test (the "exclusive" project in playwright.config.ts), one at a time.
 */
test.describe.configure({ mode: "serial" });

test("the same callback ten times at once: one exchange, one connection", async ({ browser, request }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ANA);
  const clientId = await createClientViaUi(page, unique("Diez veces"));
  await page.goto(`/clients/${clientId}/connections`);
  const advisor = { page, clientId };
  const invitationUrl = await createInvitationLink(advisor.page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  const ref = linkReference(endUser);
  const created = await request.post("/sandbox/_control/credentials", {
    data: { bank: "testbank", username: `twice-${Date.now()}`, password: "healthy", extra: { ref } },
  });
  const { code } = (await created.json()) as { code: string };

  const before = await sandboxCount(request, "POST v0/platform/link");
  const responses = await Promise.all(
    Array.from({ length: 10 }, () => request.get(`/connect/callback?code=${encodeURIComponent(code)}&ref=${encodeURIComponent(ref)}`, { maxRedirects: 0 })),
  );
  for (const response of responses) {
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/\/connect\/result\?exchange=/);
  }
  // The sandbox saw the exchange; the app's background reconciliation may exchange another test's
  // leftover code at the same moment, so the global counter is a lower bound here...
  expect(await sandboxCount(request, "POST v0/platform/link")).toBeGreaterThanOrEqual(before + 1);
  // ...and the per-code record is exact: one claim of this code, sent to Flanks once.
  const exchanges = queryE2eDb<{ status: string; attempts: number }>(
    "select e.status, e.attempts from LinkCodeExchange e join Invitation i on i.id = e.invitationId where i.reference = ?",
    ref,
  );
  expect(exchanges).toEqual([{ status: "EXCHANGED", attempts: 1 }]);
  const { connections } = await (await advisor.page.request.get(`/api/clients/${advisor.clientId}/connections`)).json();
  expect(connections).toHaveLength(1);
});
