import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { generateForLogin, type TCredentialsData } from "../lib/sandbox/generate-data";
import { createClientViaAction, createInvitationViaAction, connectViaCallback, signedInContext, waitForSyncedConnections } from "./api-helpers";
import { queryE2eDb } from "./db";
import { sqliteDate, writeE2eDb } from "./db-write";
import { ANA, signIn, unique } from "./fixtures";
import { halfEven, sandboxUsdRate } from "./fx-helpers";
import { eur } from "./wealth-helpers";

/*
 * Insights against the sandbox's deterministic data: a client whose cash at TestBank (a remunerated
 * account of 95 000 €, half of a joint account, half of a savings account held with the spouse, a USD
 * account) is above the deposit guarantee's 100 000 €; the profile recorded from the MiFID answers and
 * what it flags; the book and the inbox; a connection 170 days old whose re-authentication is one click
 * away. Expected figures are computed here from the generator's records and the sandbox's USD fixing.
 */
test.describe.configure({ mode: "serial" });

const tag = `i${Date.now().toString(36)}`;
const username = `${tag}-deposit-95000-joint-${tag}`;
const BANK = "TestBank (sandbox scenarios)";
const DAY_MS = 86_400_000;
const shot = (name: string) => ({ path: `test-results/insights-screens/${name}.png`, fullPage: true });

let ana: APIRequestContext;
let page: Page;
let clientId = "";
let displayName = "";
let data: TCredentialsData;

/** The holder's cash at the bank in euro cents: each account's balance split equally among its holders, USD at the sandbox's fixing. */
async function expectedCashCents(holder: string): Promise<bigint> {
  const byCurrency = new Map<string, bigint>();
  const add = (record: Record<string, unknown>, owners: string[], numOwners: number) => {
    if (owners.length > 0 && !owners.includes(holder)) return;
    const cents = BigInt(Math.round(Number(record.balance) * 100));
    const share = halfEven(cents, BigInt(Math.max(numOwners, owners.length, 1)));
    byCurrency.set(String(record.currency), (byCurrency.get(String(record.currency)) ?? 0n) + share);
  };
  for (const account of data.accounts) add(account, account.owners as string[], Number(account.numOwners ?? 0));
  // Bank deposits (type BP) belong to their portfolio's holders.
  for (const investment of data.investments.filter((i) => i.type === "BP")) {
    const portfolio = data.portfolios.find((p) => p._id === investment.portfolio_id);
    add(investment, (portfolio?.owners as string[] | undefined) ?? [], 0);
  }
  expect([...byCurrency.keys()].filter((currency) => currency !== "EUR" && currency !== "USD")).toEqual([]);
  const rate = await sandboxUsdRate(ana);
  return (byCurrency.get("EUR") ?? 0n) + halfEven((byCurrency.get("USD") ?? 0n) * rate.scale, rate.num);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(150_000);
  ana = await signedInContext(ANA);
  displayName = unique("Marta");
  clientId = await createClientViaAction(ana, displayName);
  const { reference } = await createInvitationViaAction(ana, clientId);
  await connectViaCallback(ana, reference, username);
  await waitForSyncedConnections(clientId, 1);
  data = generateForLogin("testbank", username, { credentialsToken: "any", asOf: new Date().toISOString().slice(0, 10), updatedAtTimestamp: 0 });
  // Connected 170 days ago (a state no test can wait for): the SCA expected at 180 days is 10 days ahead.
  writeE2eDb("update Connection set createdAt = ? where clientId = ?", sqliteDate(new Date(Date.now() - 170 * DAY_MS)), clientId);
  page = await (await browser.newContext()).newPage();
  await signIn(page, ANA);
});

test.afterAll(async () => {
  await page?.context().close();
  await ana?.dispose();
});

test("the overview explains the deposit guarantee exposure with the sandbox's figures, and suitability against the profile recorded from MiFID", async () => {
  const holder = String(data.identity.fullName);
  const cash = await expectedCashCents(holder);
  expect(cash).toBeGreaterThan(10_000_000n);
  await page.goto(`/clients/${clientId}`);
  const deposit = page.locator('[data-testid="insight"][data-insight-id^="depositGuarantee:"]');
  await expect(deposit).toHaveCount(1);
  await expect(deposit.getByTestId("insight-sentence")).toHaveText(
    `${holder} holds ${eur(cash)} in cash at ${BANK}, of which ${eur(cash - 10_000_000n)} is above the €100,000.00 the deposit guarantee covers per holder per institution.`,
  );
  await expect(deposit).toContainText("joint account(s) counted at the holder's equal share");
  await expect(deposit).toContainText("Amounts in USD converted to EUR.");
  await expect(deposit).toContainText("share one cover");
  const hasDeposits = data.investments.some((i) => i.type === "BP");
  await expect(deposit.getByTestId("insight-source")).toContainText(`Source: accounts${hasDeposits ? ", bank deposits" : ""} of ${BANK}, data as of`);
  await expect(deposit.getByTestId("insight-source")).toContainText("Converted at the ECB rates of");
  // No profile yet: the overview asks for one, and the profile page is pre-filled from the MiFID answers.
  const missing = page.locator('[data-insight-id="profileMissing"]');
  await expect(missing).toContainText("The MiFID answers suggest one");
  await page.screenshot(shot("overview"));
  await missing.getByRole("link", { name: "Record the profile" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/profile$`));
  await expect(page.getByTestId("profile-state")).toHaveText("Not recorded yet: the form shows what the MiFID answers suggest.");
  await expect(page.getByTestId("profile-suggestions")).toContainText("¿Qué haría si su inversión cayera un 20 %?");
  await page.screenshot(shot("profile"));
  // The most prudent profile: risk level 1, no family covered. Every family the client holds is then flagged.
  await page.getByLabel("Risk level").selectOption("1");
  for (const box of await page.getByTestId("profile-families").getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("profile-state")).toContainText("Recorded on");
  expect(queryE2eDb<{ n: number }>("select count(*) as n from AuditEvent where action = 'client.profile_update' and targetId = ?", clientId)[0]!.n).toBe(1);
  await page.goto(`/clients/${clientId}`);
  await expect(page.locator('[data-insight-id="profileMissing"]')).toHaveCount(0);
  const heldFamilies = new Set(data.investments.map((i) => String(i.type)));
  if (heldFamilies.has("F"))
    await expect(page.locator('[data-insight-id="unsuitableFamily:FUNDS"]')).toContainText("a family the recorded profile does not cover");
  await expect(page.locator('[data-insight-id^="unsuitableFamily:"]').first()).toBeVisible();
});

test("the book and the inbox list what needs action; the re-authentication invitation is one click away and forces the SCA flow", async ({ browser }) => {
  await page.goto("/");
  const row = page.getByTestId("book-insights").locator("tr", { hasText: displayName });
  await expect(row).toContainText(`Deposit guarantee: ${BANK}`);
  await expect(row).toContainText(`Re-authentication ahead: ${BANK}`);
  await page.goto("/inbox");
  const reauth = page.getByTestId("inbox-reauth").locator("tr", { hasText: displayName });
  await expect(reauth).toContainText("(in 10 day(s)), 180 days after the last one");
  await expect(page.getByTestId("inbox-insights").locator("tr", { hasText: displayName }).first()).toBeVisible();
  await page.screenshot(shot("inbox"));
  await reauth.getByRole("button", { name: "Invite to re-authenticate" }).click();
  const link = reauth.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/connect\/[A-Za-z0-9_-]{43}$/);
  // The end user consents: Flanks had not asked for SCA yet, so the flow is forced and the Link opens with its token.
  const endUser = await (await browser.newContext()).newPage();
  await endUser.goto(await link.inputValue());
  await endUser.getByRole("checkbox").check();
  await endUser.getByRole("button", { name: "Continue to my bank" }).click();
  await expect(endUser).toHaveURL(/\/sandbox\/link\?.*sca_token=/);
  await endUser.context().close();
  const [connection] = queryE2eDb<{ id: string; state: string }>("select id, state from Connection where clientId = ?", clientId);
  expect(connection!.state).toBe("NEEDS_SCA");
  const forced = queryE2eDb<{ actorId: string | null }>(
    "select actorId from AuditEvent where action = 'connection.force_sca_ahead' and targetId = ?",
    connection!.id,
  );
  expect(forced).toEqual([{ actorId: null }]);
});

test("the advisor's concentration limit, set on /settings, decides which concentrations are flagged", async () => {
  await page.goto(`/clients/${clientId}`);
  // One bank holds everything: above the default 20 %.
  await expect(page.locator('[data-insight-id="concentration:bank:testbank"]')).toContainText("is 100% of the client's assets");
  await page.goto("/settings");
  const limit = page.getByLabel("Concentration limit (%)");
  await expect(limit).toHaveValue("20");
  await limit.fill("100");
  await page.getByRole("button", { name: "Save", exact: true }).last().click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/clients/${clientId}`);
  await expect(page.locator('[data-insight-id^="concentration:"]')).toHaveCount(0);
  // Back to the default, for Ana's other pages.
  await page.goto("/settings");
  await page.getByLabel("Concentration limit (%)").fill("20");
  await page.getByRole("button", { name: "Save", exact: true }).last().click();
  await expect(page.getByText("Saved.")).toBeVisible();
});
