import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { normalizeSpaces, pdfText } from "../lib/report/test/pdf-text";
import { connectTestbankClient, type TConnectedClient } from "./wealth-helpers";

/*
 * Issue 20.3: the client report. From a client's pages the advisor opens the print view and downloads
 * the PDF; both carry the overview's totals exactly as the overview shows them (read from the page,
 * not recomputed), and both are listed as reports made.
 */
test.setTimeout(240_000);

let client: TConnectedClient;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(240_000);
  client = await connectTestbankClient(browser, request, "report-e2e");
});

test.afterAll(async () => {
  await client?.page
    .context()
    .close()
    .catch(() => undefined);
});

const shot = (name: string) => ({ path: `test-results/report-screens/${name}.png`, fullPage: true });

test("the print view and the PDF show the overview's totals, and each report made is listed", async () => {
  const page = client.page;
  await page.goto(`/clients/${client.clientId}`);
  // The overview's figures as shown: assets, liabilities and net in the base currency, then each currency's.
  const baseTotals = await page.getByTestId("totals-base").locator("dd").allInnerTexts();
  const currencyTotals = await page.locator('[data-testid^="totals-"]:not([data-testid="totals-base"]) dd').allInnerTexts();
  expect(baseTotals).toHaveLength(3);
  expect(currencyTotals.length).toBeGreaterThanOrEqual(6);

  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByTestId("report-form")).toBeVisible();
  await expect(page.getByTestId("report-language")).toHaveText("In English: your language (the client has none set).");
  // The client's insights (issue 20.2) are offered; the one ticked goes into both forms of the report.
  const offered = page.getByTestId("report-form").getByRole("checkbox");
  await expect(offered.first()).toBeVisible();
  const chosenTitle = (await offered.first().locator("xpath=..").locator("span.font-medium").innerText()).trim();
  await offered.first().check();
  await expect(page.getByTestId("recent-reports-empty")).toBeVisible();
  await page.screenshot(shot("report-page"));

  await page.getByTestId("report-open-print").click();
  await expect(page).toHaveURL(/\/report\/print\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}/);
  const netWealth = page.getByTestId("report-net-wealth");
  for (const figure of baseTotals) await expect(netWealth).toContainText(figure);
  const perCurrency = page.getByTestId("report-per-currency");
  for (const figure of currencyTotals) await expect(perCurrency).toContainText(figure);
  await expect(page.getByTestId("report-positions").getByRole("row")).not.toHaveCount(0);
  await expect(page.getByTestId("report-view")).toContainText(chosenTitle);
  await page.screenshot(shot("print-view"));
  // Printed, only the report is left: no app header, no client tabs, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Client sections" })).toBeHidden();
  await expect(page.getByTestId("report-print")).toBeHidden();
  await page.screenshot(shot("print-view-printed"));
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: "Back to the report options" }).click();
  await page.getByTestId("report-form").getByRole("checkbox").first().check();
  const downloading = page.waitForEvent("download");
  await page.getByTestId("report-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^wealth-.*-wealth-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  await download.saveAs("test-results/report-screens/report.pdf");
  const { text } = await pdfText(readFileSync("test-results/report-screens/report.pdf"));
  expect(text).toContain("Wealth report");
  expect(text).toContain(normalizeSpaces(chosenTitle));
  for (const figure of [...baseTotals, ...currencyTotals]) expect(text).toContain(normalizeSpaces(figure));

  await page.reload();
  const recent = page.getByTestId("recent-reports");
  await expect(recent.getByRole("row")).toHaveCount(3);
  await expect(recent.getByRole("row").nth(1)).toContainText("PDF");
  await expect(recent.getByRole("row").nth(2)).toContainText("Print view");
});
