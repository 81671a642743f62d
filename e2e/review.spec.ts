import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TEvolutionSummary } from "../lib/sandbox/evolve";
import { createClientViaAction, createInvitationViaAction, connectViaCallback, signedInContext, waitForSyncedConnections } from "./api-helpers";
import { queryE2eDb } from "./db";
import { ANA, signIn, unique } from "./fixtures";

/*
 * The review (issue 20.1–4): the advisor marks a client reviewed on its overview, the sandbox moves
 * the client's data on (POST _control/evolve: a deposit and a withdrawal, a position grown, one
 * closed, one opened, a price move, a new loan and one repaid, a MiFID answer), the advisor refreshes,
 * and the overview lists each change with the sandbox's own figures. Then the advisor's thresholds on
 * /settings narrow what is listed.
 */
test.describe.configure({ mode: "serial" });

// The e2e server's sandbox is fresh per run; this username is this spec's alone. Its data holds every kind of change in euros.
const USERNAME = "review-evolve";
let ana: APIRequestContext;
let page: Page;
let clientId = "";
let changes: TEvolutionSummary;

const cents = (amount: number) => Math.round(amount * 100);
/** The page's money text (en-GB), from cents, with a sign on gains as the review writes them. */
const eur = (minor: number, isSigned = false) => {
  const text = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(minor / 100);
  return isSigned && minor > 0 ? `+${text}` : text;
};
const finishedRuns = () =>
  queryE2eDb<{ n: number }>("select count(*) as n from SyncRun where clientId = ? and status in ('SUCCEEDED', 'PARTIAL')", clientId)[0]!.n;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  ana = await signedInContext(ANA);
  clientId = await createClientViaAction(ana, unique("Review"));
  const { reference } = await createInvitationViaAction(ana, clientId);
  await connectViaCallback(ana, reference, USERNAME);
  await waitForSyncedConnections(clientId, 1);
  page = await (await browser.newContext()).newPage();
  await signIn(page, ANA);
});

test.afterAll(async () => {
  await page?.context().close();
  await ana?.dispose();
});

test("mark a review, the bank's data moves on, refresh: each change is listed with its figures", async ({ request }) => {
  test.setTimeout(120_000);
  await page.goto(`/clients/${clientId}`);
  await expect(page.getByTestId("review-empty")).toHaveText("No review yet: mark one to see what changes.");
  await page.getByLabel("Note").fill("Annual review with the client");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByRole("heading", { name: /^Since your last review \(/ })).toBeVisible();
  await expect(page.getByTestId("review-change")).toHaveText(eur(0));

  const evolved = await request.post("/sandbox/_control/evolve", { data: { username: USERNAME } });
  expect(evolved.status()).toBe(200);
  changes = ((await evolved.json()) as { changes: TEvolutionSummary }).changes;
  for (const key of ["grown", "closed", "opened", "priceMoved", "repaidLiability", "mifid"] as const) expect(changes[key], key).not.toBeNull();

  const runsBefore = finishedRuns();
  await page.getByRole("button", { name: "Refresh data" }).click();
  await expect.poll(finishedRuns, { timeout: 60_000, intervals: [500] }).toBeGreaterThan(runsBefore);
  await page.reload();

  // Market: the price move alone (every other change was bought, sold, paid or borrowed at its value).
  const gain = cents(changes.priceMoved!.balanceAfter) - cents(changes.priceMoved!.balanceBefore);
  const flows =
    cents(50_000 - 30_000 + 20_000) + // deposit, withdrawal, the new loan paid into the account
    cents(changes.grown!.buyCost) -
    cents(changes.closed!.proceeds) +
    cents(changes.opened!.cost) +
    cents(changes.repaidLiability!.balance) - // repaid from outside the bank: less debt
    cents(changes.newLiability!.balance);
  await expect(page.getByTestId("review-market")).toHaveText(eur(gain, true));
  await expect(page.getByTestId("review-flows")).toHaveText(eur(flows, true));
  await expect(page.getByTestId("review-change")).toHaveText(eur(flows + gain, true));

  const positions = page.getByTestId("review-positions");
  await expect(positions).toContainText(`Opened: ${changes.opened!.name} (${changes.opened!.isin})`);
  await expect(positions).toContainText(`${eur(cents(changes.opened!.cost))}`);
  await expect(positions).toContainText(`Closed: ${changes.closed!.name} (${changes.closed!.isin})`);
  await expect(positions).toContainText(`${eur(cents(changes.closed!.proceeds))}`);
  await expect(positions).toContainText(`Grown 50%: ${changes.grown!.name} (${changes.grown!.isin})`);
  await expect(positions).toContainText(`${changes.grown!.quantityBefore} → ${changes.grown!.quantityAfter} units`);

  const movements = page.getByTestId("review-movements");
  await expect(movements).toContainText(`${changes.deposit!.description}: ${eur(cents(50_000), true)}`);
  await expect(movements).toContainText(`${changes.withdrawal!.description}: ${eur(cents(-30_000))}`);

  const liabilities = page.getByTestId("review-liabilities");
  await expect(liabilities).toContainText(`New: ${changes.newLiability!.name}`);
  await expect(liabilities).toContainText(`${eur(cents(changes.newLiability!.balance))} outstanding`);
  await expect(liabilities).toContainText(`Repaid: ${changes.repaidLiability!.name}`);
  await expect(liabilities).toContainText(`${eur(cents(changes.repaidLiability!.balance))} outstanding at the review`);

  await expect(page.getByTestId("review-mifid")).toContainText(`${changes.mifid!.question}`);
  await expect(page.getByTestId("review-mifid")).toContainText(`${changes.mifid!.before.join(", ")} → ${changes.mifid!.after.join(", ")}`);
  await expect(page.getByTestId("review-connections")).toContainText("No connection broke or came back");

  await page.locator("summary", { hasText: "Review history" }).click();
  await expect(page.getByTestId("review-history")).toContainText("Annual review with the client");
});

test("the advisor's thresholds on /settings narrow what the overview lists", async () => {
  await page.goto("/settings");
  await page.getByLabel("Positions grown or shrunk by at least (%)").fill("60");
  await page.getByLabel(/Movements of at least/).fill("45000");
  await page.getByRole("button", { name: "Save" }).nth(1).click();
  await expect(page.getByText("Saved").nth(0)).toBeVisible();
  await page.goto(`/clients/${clientId}`);
  // The 50 % growth is under 60 %; of the movements only the 50 000 € deposit reaches 45 000 €.
  await expect(page.getByTestId("review-positions")).not.toContainText("Grown");
  await expect(page.getByTestId("review-positions")).toContainText(`Closed: ${changes.closed!.name}`);
  const movements = page.getByTestId("review-movements").getByRole("listitem");
  await expect(movements).toHaveCount(1);
  await expect(movements).toContainText(changes.deposit!.description);
});
