import { expect, test, type Page } from "@playwright/test";
import { formatDay } from "../lib/i18n/format";
import { E2E_BASE_URL } from "../playwright.config";
import { queryE2eDb } from "./db";
import { sqliteDate, writeE2eDb } from "./db-write";
import { ADMIN, signIn } from "./fixtures";
import { connectTestbankClient, eur, type TConnectedClient } from "./wealth-helpers";

/*
 * Issue 15 parts 6 and 7: what Flanks sends and Patrimonio stored but did not show (transaction
 * types by name, fees, taxes, counterparties, portfolios, subtypes, card currency and commission,
 * the P/E label), and one time zone for every date. Checked against the sandbox's deterministic
 * data for "wealth-details-1" (it has purchases, sales with a realised gain, dividends with tax
 * withheld and a fund transfer).
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

type TRecord = Record<string, unknown>;
let client: TConnectedClient;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(180_000);
  client = await connectTestbankClient(browser, request, "wealth-details-1");
});

test.afterAll(async () => {
  await client?.page
    .context()
    .close()
    .catch(() => undefined);
});

const shot = (name: string) => ({ path: `test-results/wealth-details-screens/${name}.png`, fullPage: true });
const cents = (value: unknown) => BigInt(Math.round(Number(value) * 100));
const investmentTxs = () =>
  client.data.investmentTransactions as (TRecord & { investment_id: string; type: string; operationDate: string; currency: string })[];

/**
 * The stored Flanks id of a client's investment (by ISIN) or card (by PAN): the sandbox's ids depend on the
 * credentials token, which the test does not know.
 */
function storedInvestmentId(isin: unknown): string {
  const [row] = queryE2eDb<{ flanksId: string }>("select flanksId from WealthInvestment where clientId = ? and isin = ?", client.clientId, String(isin));
  return row!.flanksId;
}
function storedCardId(pan: unknown): string {
  const [row] = queryE2eDb<{ flanksId: string }>("select flanksId from WealthCard where clientId = ? and pan = ?", client.clientId, String(pan));
  return row!.flanksId;
}
const isinOf = (investmentId: string) => client.data.investments.find((investment) => investment._id === investmentId)!.isin;

/** The ledger row of one transaction: its product and day filter the table down to it (and its same-day siblings). */
async function ledgerRow(page: Page, path: string, tableId: string, product: string, day: string, text: string) {
  await page.goto(`${path}?product=${encodeURIComponent(product)}&from=${day}&to=${day}`);
  const rows = page.getByTestId(tableId).locator("tbody tr").filter({ hasText: text });
  await expect(rows.first()).toBeVisible();
  return rows.first();
}

test("investment transactions: the type by name, fees with their breakdown, tax withheld, realised gain", async () => {
  const { page, clientId } = client;
  const path = `/clients/${clientId}/investments/transactions`;
  const dividend = investmentTxs().find((tx) => tx.type === "5" && tx.retention)!;
  const sale = investmentTxs().find((tx) => tx.type === "2" && (tx.origin_gain as TRecord | null)?.value)!;
  const withBroker = investmentTxs().find((tx) => tx.commission !== null && (tx.commission_detail as TRecord).broker)!;
  const transfer = investmentTxs().find((tx) => tx.type === "4")!;

  const dividendRow = await ledgerRow(page, path, "investment-table", storedInvestmentId(isinOf(dividend.investment_id)), dividend.operationDate, "DIVIDENDO");
  await expect(dividendRow).toContainText("Dividend");
  const retention = dividend.retention_detail as { origin: number | null; destination: number };
  await expect(dividendRow).toContainText(eur(cents(dividend.retention), dividend.currency));
  await expect(dividendRow).toContainText(`at destination ${eur(cents(retention.destination), dividend.currency)}`);
  await expect(page.getByRole("columnheader", { name: "Tax withheld" })).toBeVisible();
  await page.screenshot(shot("investment-transactions-en"));

  const gain = sale.origin_gain as { date: string; value: number };
  const saleRow = await ledgerRow(page, path, "investment-table", storedInvestmentId(isinOf(sale.investment_id)), sale.operationDate, "VENTA");
  await expect(saleRow).toContainText("Sale / redemption");
  await expect(saleRow).toContainText(eur(cents(gain.value), sale.currency));
  await expect(saleRow).toContainText(`acquired ${formatDay(gain.date, "en")}`);

  const detail = withBroker.commission_detail as { broker: number; entity: number };
  const feeRow = await ledgerRow(
    page,
    path,
    "investment-table",
    storedInvestmentId(isinOf(withBroker.investment_id)),
    withBroker.operationDate,
    String(withBroker.description),
  );
  await expect(feeRow).toContainText(eur(cents(withBroker.commission), withBroker.currency));
  await expect(feeRow).toContainText(`broker ${eur(cents(detail.broker), withBroker.currency)}`);

  const transferRow = await ledgerRow(page, path, "investment-table", storedInvestmentId(isinOf(transfer.investment_id)), transfer.operationDate, "TRASPASO");
  await expect(transferRow).toContainText("Funds transfer");

  // The CSV has the same figures, the type as sent and by name.
  const csv = await (
    await page.request.get(
      `/api/clients/${clientId}/transactions/investment/csv?product=${encodeURIComponent(storedInvestmentId(isinOf(dividend.investment_id)))}`,
    )
  ).text();
  expect(csv.split("\r\n")[0]).toContain(
    "type,type_name,counterparty,counterparty_iban,commission,retention,expenses,exchange_rate,origin_gain,origin_gain_date",
  );
  expect(csv).toContain(",5,Dividend,");

  // In Spanish, the same rows speak Spanish.
  await page.context().addCookies([{ name: "patrimonio-locale", value: "es", url: E2E_BASE_URL }]);
  const spanishRow = await ledgerRow(page, path, "investment-table", storedInvestmentId(isinOf(dividend.investment_id)), dividend.operationDate, "DIVIDENDO");
  await expect(spanishRow).toContainText("Dividendo");
  await expect(spanishRow).toContainText("en destino");
  await expect(page.getByRole("columnheader", { name: "Retención" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Plusvalía realizada" })).toBeVisible();
  const saleRowEs = await ledgerRow(page, path, "investment-table", storedInvestmentId(isinOf(sale.investment_id)), sale.operationDate, "VENTA");
  await expect(saleRowEs).toContainText("Venta / reembolso");
  await page.screenshot(shot("investment-transactions-es"));
  await page.context().addCookies([{ name: "patrimonio-locale", value: "en", url: E2E_BASE_URL }]);
});

test("account transactions: the type and the counterparty of transfers", async () => {
  const { page, clientId, data } = client;
  const records = data.accountTransactions.page(1, 10_000) as unknown as (TRecord & {
    account_id: string;
    amount: number;
    operationDate: string;
    transfer: TRecord;
  })[];
  const outgoing = records.find((tx) => tx.amount < 0 && tx.transfer?.beneficiary && tx.transfer?.ibanBeneficiary)!;
  const incoming = records.find((tx) => tx.amount > 0 && tx.transfer?.ordenant)!;
  const path = `/clients/${clientId}/accounts`;
  const out = await ledgerRow(page, path, "account-table", outgoing.account_id, outgoing.operationDate, String(outgoing.transfer.beneficiary));
  await expect(out).toContainText(`To ${outgoing.transfer.beneficiary} · ${outgoing.transfer.ibanBeneficiary}`);
  await expect(out).toContainText("Transfer");
  await page.screenshot(shot("accounts"));
  const into = await ledgerRow(page, path, "account-table", incoming.account_id, incoming.operationDate, String(incoming.transfer.ordenant));
  await expect(into).toContainText(`From ${incoming.transfer.ordenant}`);
});

test("portfolios: each with its balance, accounts, owners and positions", async () => {
  const { page, clientId, data } = client;
  await page.goto(`/clients/${clientId}/investments`);
  // Reachable by keyboard from the client's sections.
  await page.getByRole("navigation", { name: "Client sections" }).getByRole("link", { name: "Portfolios" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/portfolios$`));
  const sections = page.getByTestId("portfolio");
  await expect(sections).toHaveCount(data.portfolios.length);
  for (const portfolio of data.portfolios) {
    const section = sections.filter({ has: page.getByRole("heading", { name: new RegExp(`^${String(portfolio.name)} ·`) }) });
    await expect(section.getByTestId("portfolio-balance")).toHaveText(eur(cents(portfolio.balance), String(portfolio.currency)));
    if (portfolio.refValores) await expect(section).toContainText(String(portfolio.refValores));
    if (portfolio.refAccount) await expect(section).toContainText(String(portfolio.refAccount));
    for (const owner of portfolio.owners as string[]) await expect(section).toContainText(owner);
    const positions = data.investments.filter((investment) => investment.portfolio_id === portfolio._id);
    await expect(section.getByTestId("portfolio-positions").locator("tbody tr")).toHaveCount(Math.min(positions.length, 25));
    for (const position of positions) await expect(section.getByTestId("portfolio-positions")).toContainText(String(position.isin));
    // The positions add up to the portfolio's balance (the sandbox's portfolios hold positions in their own currency).
    await expect(section.getByTestId("portfolio-positions-totals")).toContainText(eur(cents(portfolio.balance), String(portfolio.currency)));
  }
  await expect(page.getByTestId("portfolio-unassigned")).toHaveCount(0);
  await page.screenshot(shot("portfolios"));
});

test("analytics: PES is price to earnings", async () => {
  const { page, clientId, data } = client;
  const investment = data.investments.find((i) => (i.analytics as TRecord | null)?.PES !== null && (i.analytics as TRecord | null)?.PES !== undefined)!;
  await page.goto(`/clients/${clientId}/investments?q=${encodeURIComponent(String(investment.isin))}`);
  await page
    .getByTestId("investments-table")
    .getByRole("link", { name: String(investment.name) })
    .click();
  await expect(page.getByText("Price to earnings (PES)")).toBeVisible();
  await expect(page.getByText("P/S ratio")).toHaveCount(0);
  await page.screenshot(shot("investment-detail"));
});

test("cards: commission of each transaction and the card's currency; liabilities: subtype", async () => {
  const { page, clientId, data } = client;
  const charged = (data.cardTransactions as (TRecord & { card_id: string; operationDate: string })[]).find((tx) => tx.commission)!;
  const card = data.cards.find((c) => c._id === charged.card_id)!;
  const row = await ledgerRow(page, `/clients/${clientId}/cards`, "card-table", storedCardId(card.pan), charged.operationDate, String(charged.shop));
  await expect(row).toContainText(eur(cents(charged.commission), String(charged.currency)));
  await expect(page.getByRole("columnheader", { name: "Commission" })).toBeVisible();
  await expect(page.getByTestId("cards-table").locator("tbody tr").first()).toContainText(String(charged.currency));
  await page.screenshot(shot("cards"));
  await page.goto(`/clients/${clientId}/liabilities`);
  for (const liability of data.liabilities.filter((l) => l.subtype)) {
    await expect(
      page
        .getByTestId("liabilities-table")
        .locator("tbody tr")
        .filter({ hasText: String(liability.name) }),
    ).toContainText(`Subtype: ${liability.subtype}`);
  }
  await page.screenshot(shot("liabilities"));
});

test("one time zone: at 23:59 UTC the advisor's and the admin's pages name the same day", async ({ browser }) => {
  const { page, clientId, displayName } = client;
  const [connection] = queryE2eDb<{ id: string }>("select id from Connection where clientId = ?", clientId);
  const instant = sqliteDate(new Date("2026-12-05T23:59:00Z"));
  expect(writeE2eDb("update Connection set stateSince = ?, statusCheckedAt = ? where id = ?", instant, instant, connection!.id)).toBe(1);
  // Europe/Madrid, the default FIRM_TIME_ZONE: 00:59 on 6 December.
  await page.goto(`/clients/${clientId}/connections`);
  await expect(page.getByTestId("connection-testbank")).toContainText("Since 6 Dec 2026");
  await page.screenshot(shot("connections"));
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/connections?bank=testbank");
  const item = admin.getByTestId("admin-connection").filter({ hasText: displayName });
  await expect(item).toContainText("Since 6 Dec 2026");
  await expect(item).toContainText("(6 Dec 2026, 00:59)");
  await admin.screenshot(shot("admin-connections"));
  await admin.context().close();
});
