import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { INVESTMENT_TYPE_NAMES } from "../lib/flanks/schemas/investment-type";
import { formatDate } from "../lib/i18n/format";
import { centsByCurrency, connectTestbankClient, eur, type TConnectedClient } from "./wealth-helpers";

/*
 * A client connected to the sandbox's testbank through the real flow; every tab is checked against
 * the sandbox's deterministic data (lib/sandbox/generate-data.ts), not just "something rendered".
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

let client: TConnectedClient;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(180_000);
  // "wealth-e2e" has every investment type in EUR and a Spanish fund with its CNMV registration.
  client = await connectTestbankClient(browser, request, "wealth-e2e");
});

test.afterAll(async () => {
  await client?.page
    .context()
    .close()
    .catch(() => undefined);
});

const shot = (name: string) => ({ path: `test-results/wealth-screens/${name}.png`, fullPage: true });

test("overview: totals per currency to the cent, allocations and data date", async () => {
  const { page, clientId, data } = client;
  await page.goto(`/clients/${clientId}`);
  const accounts = centsByCurrency(data.accounts, "balance");
  const investments = centsByCurrency(data.investments, "balance");
  const liabilities = centsByCurrency(data.liabilities, "balance");
  for (const currency of ["EUR", "USD"]) {
    const assets = (accounts.get(currency) ?? 0n) + (investments.get(currency) ?? 0n);
    const debt = liabilities.get(currency) ?? 0n;
    const totals = page.getByTestId(`totals-${currency}`);
    await expect(totals).toContainText(eur(assets, currency));
    await expect(totals).toContainText(eur(debt, currency));
    await expect(totals).toContainText(eur(assets - debt, currency));
  }
  // The bank's display name from bank/available, not its entity id ("testbank").
  await expect(page.getByTestId("data-as-of")).toContainText("TestBank (sandbox scenarios): data as of");
  // Allocation by type (EUR only: one click on the currency picker): the reference's types by their readable names, plus cash; shares add up to 100 %.
  await page.getByRole("link", { name: "EUR", exact: true }).click();
  await expect(page).toHaveURL(/\?ccy=EUR$/);
  const byType = page.getByTestId("by-type-table");
  const eurTypes = new Set(data.investments.filter((i) => i.currency === "EUR").map((i) => String(i.type)));
  await expect(byType.locator("tbody tr")).toHaveCount(eurTypes.size + 1);
  for (const code of eurTypes) await expect(byType).toContainText(INVESTMENT_TYPE_NAMES[code as keyof typeof INVESTMENT_TYPE_NAMES].en);
  await expect(byType).toContainText("Bank accounts (cash)");
  const shares = await byType.locator("tbody tr td:nth-child(3)").allTextContents();
  const total = shares.filter((s) => s !== "—").reduce((sum, s) => sum + Math.round(Number(s.replace("%", "")) * 100), 0);
  expect(total).toBe(10_000);
  await expect(page.getByTestId("by-country-table")).toContainText("No ISIN");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot(shot("overview"));

  // The client list shows one net-wealth figure in the base currency (its value: e2e/fx.spec.ts) and the data date.
  await page.goto(`/clients?q=${encodeURIComponent(client.displayName)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: client.displayName }) });
  await expect(row.getByTestId("client-net-base")).toHaveText(/€/);
  await expect(row).toContainText(formatDate(new Date(), "en", "Europe/Madrid"));
});

test("investments: every position, sort, filter, detail with CNMV / DGSFP", async () => {
  const { page, clientId, data } = client;
  await page.goto(`/clients/${clientId}/investments`);
  const table = page.getByTestId("investments-table");
  await expect(table.locator("tbody tr")).toHaveCount(data.investments.length);
  for (const investment of data.investments) await expect(table).toContainText(String(investment.isin));
  // Totals over every matching position (computed in SQL; the table is paged at 50).
  for (const [currency, cents] of centsByCurrency(data.investments, "balance"))
    await expect(page.getByTestId("investment-totals")).toContainText(eur(cents, currency));
  await expect(table.locator("tbody tr").first()).toContainText("TestBank (sandbox scenarios)");
  await page.screenshot(shot("investments"));

  // Sort by value: a numeric column sorts largest first on the first click. (This test clicked
  // twice and passed only while the second click landed before the first navigation ended.)
  await page.getByRole("link", { name: "Sort by Value" }).click();
  await expect(page).toHaveURL(/sort=value/);
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Value/ })).toHaveAttribute("aria-sort", "descending");
  const largest = [...data.investments].sort((a, b) => Number(b.balance) - Number(a.balance))[0]!;
  await expect(table.locator("tbody tr").first()).toContainText(String(largest.name));

  // Filter by type.
  await page.getByLabel("Type", { exact: true }).selectOption("PP");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(data.investments.filter((i) => i.type === "PP").length);

  // Detail of a pension plan: DGSFP registration, not a deposit guarantee.
  const plan = data.investments.find((i) => i.type === "PP")!;
  await table.getByRole("link", { name: String(plan.name) }).click();
  await expect(page.getByRole("heading", { name: String(plan.name) })).toBeVisible();
  await expect(page.getByText("DGSFP registration (pension plans)")).toBeVisible();
  await expect(page.getByText(String((plan.dgs as { gestora: string }).gestora)).first()).toBeVisible();
  await expect(page.getByTestId("performance-detail")).toContainText("%");
  await page.screenshot(shot("investment-detail"));

  const fund = data.investments.find((i) => i.type === "F" && i.cnmv)!;
  await page.goto(`/clients/${clientId}/investments?q=${encodeURIComponent(String(fund.isin))}`);
  await table.getByRole("link", { name: String(fund.name) }).click();
  await expect(page.getByText(String((fund.cnmv as { gestora: string }).gestora)).first()).toBeVisible();
});

test("performance: every period, per portfolio and position, weighting explained", async () => {
  const { page, clientId, data } = client;
  await page.goto(`/clients/${clientId}/performance`);
  await expect(page.getByTestId("weighting-note")).toContainText("weighted by their current market value");
  const positions = page.getByTestId("position-performance");
  await expect(positions.locator("tbody tr")).toHaveCount(data.investments.length);
  for (const period of ["MTD", "QTD", "6M", "YTD", "1Y", "ITD", "ITD p.a."]) await expect(positions.locator("thead")).toContainText(period);
  const portfolios = page.getByTestId("portfolio-performance");
  for (const portfolio of data.portfolios) await expect(portfolios).toContainText(String(portfolio.name));
  // A position's Yearly figure, as a percentage of Flanks' ratio.
  const first = [...data.investments].sort((a, b) => String(a.name).localeCompare(String(b.name)))[0]!;
  const yearly = (first.performance_detail as { Yearly: number }).Yearly;
  await expect(
    positions
      .locator("tbody tr")
      .filter({ hasText: String(first.isin) })
      .first(),
  ).toContainText(`${(yearly * 100).toFixed(2)}%`);
  await page.screenshot(shot("performance"));
});

test("accounts and transactions: balances; sort, filter, page and export CSV on the server", async () => {
  const { page, clientId, data } = client;
  const records = data.accountTransactions.page(1, 10_000);
  await page.goto(`/clients/${clientId}/accounts`);
  const accounts = page.getByTestId("accounts-table");
  for (const account of data.accounts) {
    await expect(accounts).toContainText(String(account.iban));
    await expect(accounts).toContainText(eur(BigInt(Math.round(Number(account.balance) * 100)), String(account.currency)));
  }
  await expect(page.getByTestId("account-count")).toHaveText(`${records.length} transactions`);
  const rows = page.getByTestId("account-table").locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await page.screenshot(shot("accounts"));

  // Sort by amount: largest first, then smallest first.
  await page.getByRole("link", { name: "Sort by Amount" }).click();
  const amounts = records.map((r) => BigInt(Math.round(Number(r.amount) * 100)));
  const max = amounts.reduce((a, b) => (b > a ? b : a));
  const min = amounts.reduce((a, b) => (b < a ? b : a));
  // The amount is the eighth cell: date, value date, description, type, counterparty, category, account, amount.
  await expect(rows.first().locator("td").nth(7)).toHaveText(eur(max));
  await page.getByRole("link", { name: "Sort by Amount" }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(rows.first().locator("td").nth(7)).toHaveText(eur(min));

  // Paging the default order: next and previous by the rows' keys, the last page by its number.
  await page.goto(`/clients/${clientId}/accounts`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const firstPage = await rows.allInnerTexts();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 10")).toBeVisible();
  await expect(page).toHaveURL(/page=2&after=/);
  await expect(rows).toHaveCount(50);
  // No row repeats (each carries its running balance).
  const secondPage = await rows.allInnerTexts();
  expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await rows.allInnerTexts()).toEqual(firstPage);
  await pager.getByRole("link", { name: "Last" }).click();
  await expect(page.getByText("Page 10 of 10")).toBeVisible();
  await expect(rows).toHaveCount(records.length - 450);

  // Filters: text, amount range and a date range, then the CSV holds exactly the filtered rows.
  await page.goto(`/clients/${clientId}/accounts`);
  await page.getByLabel("Search text").fill("movistar");
  await page.getByLabel("Minimum amount").fill("-60");
  await page.getByLabel("Maximum amount").fill("-20,5");
  await page.getByRole("button", { name: "Apply" }).click();
  const expected = records.filter((r) => {
    const text = `${r.description} ${r.category ?? ""}`.toLowerCase();
    const cents = Math.round(Number(r.amount) * 100);
    return text.includes("movistar") && cents >= -6000 && cents <= -2050;
  });
  await expect(page.getByTestId("account-count")).toHaveText(`${expected.length} transactions`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, "utf8").trim().split("\r\n");
  expect(lines[0]).toContain("date,value_date,description");
  expect(lines).toHaveLength(expected.length + 1);
  expect(lines.slice(1).every((line) => line.includes("MOVISTAR"))).toBe(true);

  const newest = records[0]!;
  await page.goto(`/clients/${clientId}/accounts?from=${newest.operationDate}&to=${newest.operationDate}`);
  await expect(page.getByTestId("account-count")).toHaveText(`${records.filter((r) => r.operationDate === newest.operationDate).length} transactions`);

  // Bad input: an unknown column and an impossible date are cleared with a message, never a 500.
  const bad = await page.goto(`/clients/${clientId}/accounts?sort=password&from=2025-02-30`);
  expect(bad?.status()).toBe(200);
  await expect(page.getByText("Ignored sort column “password”")).toBeVisible();
  await expect(page.getByText("Ignored from date “2025-02-30”")).toBeVisible();
  await expect(page.getByTestId("account-count")).toHaveText(`${records.length} transactions`);
  const api = await page.request.get(`/api/clients/${clientId}/transactions/account/csv?sort=nope`);
  expect(api.status()).toBe(400);
});

test("cards, liabilities, MiFID and identity show the sandbox's data", async () => {
  const { page, clientId, data } = client;
  await page.goto(`/clients/${clientId}/cards`);
  const cards = page.getByTestId("cards-table");
  await expect(cards.locator("tbody tr")).toHaveCount(data.cards.length);
  for (const card of data.cards) await expect(cards).toContainText(String(card.pan));
  await expect(page.getByTestId("card-count")).toHaveText(`${data.cardTransactions.length} transactions`);
  await page.screenshot(shot("cards"));

  await page.goto(`/clients/${clientId}/liabilities`);
  const liabilities = page.getByTestId("liabilities-table");
  for (const liability of data.liabilities) {
    await expect(liabilities).toContainText(String(liability.name));
    await expect(liabilities).toContainText(eur(BigInt(Math.round(Number(liability.balance) * 100))));
  }
  for (const type of ["Loan", "Credit", "Confirming"]) await expect(liabilities).toContainText(type);
  await expect(page.getByTestId("liability-count")).toHaveText(`${data.liabilityTransactions.length} transactions`);
  await page.screenshot(shot("liabilities"));

  await page.goto(`/clients/${clientId}/mifid`);
  const mifid = page.getByTestId("mifid-table");
  for (const answer of data.mifid) {
    await expect(mifid).toContainText(String(answer.question));
    for (const text of answer.answer as string[]) await expect(mifid).toContainText(text);
  }
  await page.screenshot(shot("mifid"));

  await page.goto(`/clients/${clientId}/identity`);
  const identity = page.getByTestId("identity-card");
  await expect(identity).toContainText(String(data.identity.fullName));
  await expect(identity).toContainText(String(data.identity.identityDocument));
  const holders = page.getByTestId("holders-table");
  for (const holder of data.holders) await expect(holders).toContainText(String(holder.name));
  await page.screenshot(shot("identity"));

  await page.goto(`/clients/${clientId}/investments/transactions`);
  await expect(page.getByTestId("investment-count")).toHaveText(`${data.investmentTransactions.length} transactions`);
  await page.screenshot(shot("investment-transactions"));
});

test("while the next page loads, the current one stays (a tab: dimmed and busy; any other link: the progress bar)", async () => {
  const { page, clientId } = client;
  await page.goto(`/clients/${clientId}`);
  await expect(page.getByTestId("totals-EUR")).toBeVisible();
  // The router's requests answer 1.5 s late, as from a loaded server.
  const slow = async (route: import("@playwright/test").Route) => {
    if (route.request().headers()["rsc"]) await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  };
  await page.route("**/*", slow);
  try {
    const tabs = page.getByRole("navigation", { name: "Client sections" });
    await tabs.getByRole("link", { name: "MiFID", exact: true }).click();
    // No skeleton: the overview stays, inside a busy region, until MiFID arrives.
    await expect(page.locator("[aria-busy=true]").getByTestId("totals-EUR")).toBeVisible();
    await expect(page.getByTestId("mifid-table")).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await expect(page.getByTestId("navigation-progress")).toHaveText("");

    await page.getByRole("link", { name: "← Clients" }).click();
    await expect(page.getByTestId("navigation-progress")).toHaveText("Loading…");
    await expect(page.getByTestId("mifid-table")).toBeVisible();
    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByTestId("navigation-progress")).toHaveText("");
  } finally {
    await page.unroute("**/*", slow);
  }
});

test("a client without a connection is told to invite; someone else's client is a 404", async ({ browser }) => {
  const { page } = client;
  await page.goto("/clients/new");
  await page.getByLabel("Display name").fill(`Sin banco ${Date.now()}`);
  await page.getByLabel("Contact email").fill("nobank@example.com");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sin banco");
  const id = page.url().match(/\/clients\/([a-z0-9]+)/)![1];
  for (const tab of ["", "/investments", "/accounts", "/performance"]) {
    await page.goto(`/clients/${id}${tab}`);
    await expect(page.getByText("No bank connected yet")).toBeVisible();
  }
  await page.screenshot(shot("empty"));

  const { LUIS, signIn } = await import("./fixtures");
  const luis = await (await browser.newContext()).newPage();
  await signIn(luis, LUIS);
  expect((await luis.goto(`/clients/${client.clientId}/accounts`))?.status()).toBe(404);
  expect((await luis.request.get(`/api/clients/${client.clientId}/transactions/account`)).status()).toBe(404);
  expect((await luis.request.post(`/api/clients/${client.clientId}/sync`, { data: {} })).status()).toBe(404);
  await luis.context().close();
});

test("refresh: syncs again with progress, then refuses a second press within a minute", async () => {
  const { page, clientId } = client;
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("button", { name: "Refresh data" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Data refreshed|Refreshing/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Data refreshed." })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Refresh data" }).click();
  await expect(page.getByText("refreshed less than a minute ago")).toBeVisible();
});
