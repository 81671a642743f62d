import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryE2eDb } from "./db";
import { ADMIN, signIn } from "./fixtures";
import { connectTestbankClient } from "./wealth-helpers";

/*
 * Issue 15 in production shape: the sandbox answers as an independent imitation of Flanks did —
 * nulls where the reference allows none, unknown status flags, a page size capped without a word, a
 * 404 on one spelling of mifid/raw, a 404 on one product endpoint. The advisor still sees every
 * readable record, and the banner names what could not be read; the admin sees the redacted record.
 * Exclusive: shape faults are global to the sandbox.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(150_000);

async function shapeFault(request: APIRequestContext, data: unknown): Promise<void> {
  const response = await request.post("/sandbox/_control/shape-faults", { data });
  expect(response.status()).toBe(201);
}

test.afterEach(async ({ request }) => {
  await request.delete("/sandbox/_control/shape-faults");
});

test("one unreadable investment never hides the others; the banner names it; the admin sees it redacted", async ({ browser, request }) => {
  await shapeFault(request, { kind: "null-fields", endpoint: "v0/bank/credentials/investment", fields: ["balance"], indices: [0] });
  await shapeFault(request, { kind: "null-fields", endpoint: "v0/bank/credentials/investment", fields: ["country_model", "name"], indices: [1, 2] });
  await shapeFault(request, { kind: "unknown-status-flags", product: { insurance: true } });
  await shapeFault(request, { kind: "page-size-cap", maxPageSize: 100 });
  await shapeFault(request, { kind: "not-found", endpoint: "v0/bank/credentials/mifid/raw" });
  const { page, clientId, data, displayName: clientName } = await connectTestbankClient(browser, request, `shapes-${Date.now().toString(36)}`);
  const total = data.investments.length;

  const banner = `1 of ${total} investments at`;
  await page.goto(`/clients/${clientId}`);
  await expect(page.getByText(banner)).toBeVisible();
  await page.goto(`/clients/${clientId}/performance`);
  await expect(page.getByText(banner)).toBeVisible();
  await page.goto(`/clients/${clientId}/investments`);
  await expect(page.getByTestId("investments-table")).toBeVisible();
  await page.screenshot({ path: "test-results/ingest-shapes-overview.png", fullPage: true });

  const [stored] = queryE2eDb<{ positions: number; transactions: number; mifid: number }>(
    `SELECT (SELECT COUNT(*) FROM WealthInvestment WHERE clientId = ?) AS positions,
            (SELECT COUNT(*) FROM WealthAccountTransaction WHERE clientId = ?) AS transactions,
            (SELECT COUNT(*) FROM WealthMifidAnswer WHERE clientId = ?) AS mifid`,
    clientId,
    clientId,
    clientId,
  );
  expect(stored).toEqual({ positions: total - 1, transactions: data.accountTransactions.count, mifid: data.mifid.length });

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto("/admin/set-aside");
  const table = adminPage.getByTestId("set-aside-records");
  await expect(table).toContainText("investment[0].balance: expected number, received null");
  await expect(table).toContainText(clientName);
  await adminPage.screenshot({ path: "test-results/ingest-shapes-admin.png", fullPage: true });

  // The flag Flanks added is listed apart on the connection, not counted as a product.
  await adminPage.goto("/admin/connections");
  const connection = adminPage.getByRole("listitem").filter({ hasText: clientName });
  await expect(connection.getByTestId("unknown-status-flags")).toHaveText("Status flags Flanks added (not counted as products): insurance");
});

test("a 404 on one product endpoint fails that product only; the others show", async ({ browser, request }) => {
  await shapeFault(request, { kind: "not-found", endpoint: "v0/bank/credentials/card" });
  const { page, clientId } = await connectTestbankClient(browser, request, `nocards-${Date.now().toString(36)}`);
  await page.goto(`/clients/${clientId}/cards`);
  // The first sync: there is no earlier data to fall back on, and the note says so.
  await expect(page.getByText(/Cards: Flanks did not answer for this product, and no earlier data exists\./)).toBeVisible();
  // The connections tab does not call the connection healthy without a word: the last sync was partial.
  await page.goto(`/clients/${clientId}/connections`);
  await expect(page.getByTestId("connection-testbank").getByTestId("last-sync-partial")).toBeVisible();
  await page.goto(`/clients/${clientId}/accounts`);
  const [stored] = queryE2eDb<{ accounts: number; cards: number }>(
    "SELECT (SELECT COUNT(*) FROM WealthAccount WHERE clientId = ?) AS accounts, (SELECT COUNT(*) FROM WealthCard WHERE clientId = ?) AS cards",
    clientId,
    clientId,
  );
  expect(stored?.accounts).toBeGreaterThan(0);
  expect(stored?.cards).toBe(0);
});
