import { expect, test, type Page } from "@playwright/test";
import { formatDay } from "../lib/i18n/format";
import { ADMIN, createAdvisorViaUi, LUIS, signIn, unique } from "./fixtures";
import { halfEven, sandboxUsdRate } from "./fx-helpers";
import { centsByCurrency, connectTestbankClient, eur, type TConnectedClient } from "./wealth-helpers";

/*
 * Issue 19: one figure in a base currency. A testbank client (EUR and USD) is handed to a new
 * advisor, whose book, client list and overview must show the sandbox's amounts converted at the
 * sandbox's own ECB-shaped rates. The expected figures are computed here from the sandbox's data
 * and its XML (an exact fraction, half-even: decision 050), not read from the app.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let client: TConnectedClient;
let advisor: Page;
let advisorId = "";
let rate: { day: string; num: bigint; scale: bigint };
let expected: { assets: bigint; liabilities: bigint; eur: { assets: bigint; liabilities: bigint }; usd: { assets: bigint; liabilities: bigint } };

const shot = (name: string) => ({ path: `test-results/fx-screens/${name}.png`, fullPage: true });

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(240_000);
  client = await connectTestbankClient(browser, request, "fx-e2e");
  rate = await sandboxUsdRate(request);
  const accounts = centsByCurrency(client.data.accounts, "balance");
  const investments = centsByCurrency(client.data.investments, "balance");
  const liabilities = centsByCurrency(client.data.liabilities, "balance");
  const side = (currency: string) => ({
    assets: (accounts.get(currency) ?? 0n) + (investments.get(currency) ?? 0n),
    liabilities: liabilities.get(currency) ?? 0n,
  });
  const [inEur, inUsd] = [side("EUR"), side("USD")];
  expect(inUsd.assets).toBeGreaterThan(0n);
  // USD cents → EUR cents: cents / (num / scale) = cents × scale / num; EUR and USD both have two decimals.
  const toEur = (usdCents: bigint) => halfEven(usdCents * rate.scale, rate.num);
  expected = { assets: inEur.assets + toEur(inUsd.assets), liabilities: inEur.liabilities + toEur(inUsd.liabilities), eur: inEur, usd: inUsd };

  // The client is handed to a new advisor, whose book then holds it alone.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  const name = unique("Asesor Libro");
  const email = `${name.replace(/\s+/g, ".").toLowerCase()}@example.com`;
  advisorId = await createAdvisorViaUi(admin, name, email, "a-long-password-1");
  await admin.goto(`/admin/clients?q=${encodeURIComponent(client.displayName)}`);
  await admin.getByLabel(`Assign to advisor (${client.displayName})`).selectOption({ label: name });
  await admin.getByRole("button", { name: "Reassign" }).click();
  await expect(
    admin
      .getByRole("row", { name: new RegExp(client.displayName) })
      .getByRole("cell")
      .nth(1),
  ).toHaveText(name);
  await admin.context().close();
  advisor = await (await browser.newContext()).newPage();
  await signIn(advisor, { email, password: "a-long-password-1" });
});

test.afterAll(async () => {
  await client?.page
    .context()
    .close()
    .catch(() => undefined);
  await advisor
    ?.context()
    .close()
    .catch(() => undefined);
});

test("overview: every currency in EUR at the sandbox's ECB rate of its date, the per-currency figures one click away", async () => {
  await advisor.goto(`/clients/${client.clientId}`);
  const totals = advisor.getByTestId("totals-base");
  await expect(totals).toContainText(eur(expected.assets));
  await expect(totals).toContainText(eur(expected.liabilities));
  await expect(totals).toContainText(eur(expected.assets - expected.liabilities));
  await expect(advisor.getByTestId("fx-rates-note")).toContainText(`At ECB rates of ${formatDay(rate.day, "en")}`);
  await expect(advisor.getByTestId("fx-not-converted")).toHaveCount(0);
  // The allocation by currency holds both, in euros; the table by currency keeps the amounts as held.
  await expect(advisor.getByTestId("by-currency-base-table")).toContainText(eur(expected.eur.assets));
  await expect(advisor.getByTestId("by-currency-base-table")).toContainText(eur(halfEven(expected.usd.assets * rate.scale, rate.num)));
  await expect(advisor.getByTestId("by-currency-table")).toContainText(eur(expected.usd.assets, "USD"));
  await expect(advisor.getByTestId("history-fx-note")).toContainText("at that day's ECB rates");
  await advisor.screenshot(shot("overview-base"));
  // One click: the USD figures as held.
  await advisor.getByRole("link", { name: "USD", exact: true }).click();
  await expect(advisor).toHaveURL(/\?ccy=USD$/);
  await expect(advisor.getByRole("link", { name: "USD", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(advisor.getByTestId("totals-USD")).toContainText(eur(expected.usd.assets, "USD"));
});

test("book and client list: one figure in EUR; the book holds only the advisor's clients", async ({ browser }) => {
  await advisor.goto("/");
  await expect(advisor.getByRole("heading", { level: 1, name: "Book" })).toBeVisible();
  await expect(advisor.getByTestId("book-clients")).toHaveText("1");
  await expect(advisor.getByTestId("book-aua")).toHaveText(eur(expected.assets));
  await expect(advisor.getByTestId("book-net")).toHaveText(eur(expected.assets - expected.liabilities));
  await expect(advisor.getByTestId("fx-rates-note")).toContainText(`At ECB rates of ${formatDay(rate.day, "en")}`);
  const byType = advisor.getByTestId("book-by-type-table");
  await expect(byType).toContainText("Bank accounts (cash)");
  await advisor.screenshot(shot("book"));

  await advisor.goto("/clients?sort=wealth");
  const row = advisor.getByRole("row").filter({ has: advisor.getByRole("link", { name: client.displayName }) });
  await expect(row.getByTestId("client-net-base")).toHaveText(eur(expected.assets - expected.liabilities));
  await expect(advisor.getByRole("columnheader", { name: "Net wealth (EUR)" })).toBeVisible();

  // The admin sees the same book through the advisor filter; Luis's book does not hold this client.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto(`/?advisor=${advisorId}`);
  await expect(admin.getByTestId("book-aua")).toHaveText(eur(expected.assets));
  await expect(admin.getByLabel("Advisor")).toHaveValue(advisorId);
  await admin.goto("/");
  await expect(admin.getByRole("heading", { level: 1, name: "The firm's book" })).toBeVisible();
  await admin.screenshot(shot("book-firm"));
  await admin.context().close();
  const luis = await (await browser.newContext()).newPage();
  await signIn(luis, LUIS);
  await luis.goto("/");
  await expect(luis.getByRole("heading", { level: 1, name: "Book" })).toBeVisible();
  await expect(luis.locator("main")).not.toContainText(client.displayName);
  await luis.context().close();
});

test("settings: an advisor who picks USD reads every total in dollars", async () => {
  await advisor.goto("/settings");
  await advisor.getByRole("combobox", { name: "Base currency" }).selectOption("USD");
  await advisor.getByRole("region", { name: "Base currency" }).getByRole("button", { name: "Save" }).click();
  await expect(advisor.getByRole("status")).toContainText("Saved.");
  await expect(advisor.getByRole("combobox", { name: "Base currency" })).toHaveValue("USD");
  await advisor.screenshot(shot("settings"));
  // EUR cents × num / scale + USD cents, rounded once.
  const inUsd = (eurCents: bigint, usdCents: bigint) => halfEven(eurCents * rate.num + usdCents * rate.scale, rate.scale);
  const assets = inUsd(expected.eur.assets, expected.usd.assets);
  const liabilities = inUsd(expected.eur.liabilities, expected.usd.liabilities);
  await advisor.goto(`/clients/${client.clientId}`);
  await expect(advisor.getByTestId("totals-base")).toContainText(eur(assets, "USD"));
  await expect(advisor.getByTestId("totals-base")).toContainText(eur(assets - liabilities, "USD"));
  await advisor.goto("/");
  await expect(advisor.getByTestId("book-aua")).toHaveText(eur(assets, "USD"));
  // Back to the firm's currency.
  await advisor.goto("/settings");
  await advisor.getByRole("combobox", { name: "Base currency" }).selectOption("");
  await advisor.getByRole("region", { name: "Base currency" }).getByRole("button", { name: "Save" }).click();
  await expect(advisor.getByRole("status")).toContainText("Saved.");
});
