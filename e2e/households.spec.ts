import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatDay } from "../lib/i18n/format";
import { generateForLogin, type TCredentialsData } from "../lib/sandbox/generate-data";
import { E2E_BASE_URL } from "../playwright.config";
import { createClientViaAction, createInvitationViaAction, connectViaCallback, signedInContext, waitForSyncedConnections } from "./api-helpers";
import { queryE2eDb } from "./db";
import { ANA, LUIS, signIn, unique } from "./fixtures";
import { halfEven, sandboxUsdRate } from "./fx-helpers";
import { centsByCurrency, eur } from "./wealth-helpers";

/*
 * A household of two of Ana's clients who share a joint account (the sandbox's "joint-KEY" usernames:
 * the same IBAN and balance through each one's credentials, printed with spaces for one of them). The
 * household's totals are the sum of the members' own figures (the sandbox's data, which their
 * overviews show to the cent) with the joint account counted once, and it names both holders.
 */
test.describe.configure({ mode: "serial" });

const tag = `h${Date.now().toString(36)}`;
type TMember = { clientId: string; displayName: string; username: string; data: TCredentialsData };
const members: TMember[] = [];
let ana: APIRequestContext;
let page: Page;
let householdId = "";
const householdName = unique("Familia");

const JOINT = "Cuenta Conjunta";
const isJoint = (record: Record<string, unknown>) => record.alias === JOINT;

/** Assets, liabilities and net per currency of these credentials' data, in cents (as the overview adds them). */
function figures(data: TCredentialsData, options: { withoutJoint?: boolean } = {}) {
  const accounts = centsByCurrency(options.withoutJoint ? data.accounts.filter((a) => !isJoint(a)) : data.accounts, "balance");
  const investments = centsByCurrency(data.investments, "balance");
  const liabilities = centsByCurrency(data.liabilities, "balance");
  const result = new Map<string, { assets: bigint; liabilities: bigint }>();
  for (const currency of new Set([...accounts.keys(), ...investments.keys(), ...liabilities.keys()])) {
    result.set(currency, { assets: (accounts.get(currency) ?? 0n) + (investments.get(currency) ?? 0n), liabilities: liabilities.get(currency) ?? 0n });
  }
  return result;
}

type TRate = Awaited<ReturnType<typeof sandboxUsdRate>>;

/**
 * Figures per currency in euros at the sandbox's newest USD fixing, as decision 050 says: exact per
 * currency, rounded once (half-even). These members hold euros and dollars only (checked).
 */
function inEuros(byCurrency: ReturnType<typeof figures>, rate: TRate) {
  expect([...byCurrency.keys()].filter((currency) => currency !== "EUR" && currency !== "USD")).toEqual([]);
  const side = (pick: (value: { assets: bigint; liabilities: bigint }) => bigint) => {
    const eurCents = pick(byCurrency.get("EUR") ?? { assets: 0n, liabilities: 0n });
    const usdCents = pick(byCurrency.get("USD") ?? { assets: 0n, liabilities: 0n });
    // USD cents → EUR cents: cents × scale / num (both currencies have two decimals).
    return eurCents + halfEven(usdCents * rate.scale, rate.num);
  };
  const assets = side((value) => value.assets);
  const liabilities = side((value) => value.liabilities);
  return { assets, liabilities, net: assets - liabilities };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(150_000);
  ana = await signedInContext(ANA);
  const usernames = [`${tag}a-joint-${tag}`, `${tag}b-joint-${tag}-iban-spaced`];
  for (const [n, username] of usernames.entries()) {
    const displayName = `${n === 0 ? "Elena" : "Marcos"} ${tag}`;
    const clientId = await createClientViaAction(ana, displayName);
    const { reference } = await createInvitationViaAction(ana, clientId);
    await connectViaCallback(ana, reference, username);
    const asOf = new Date().toISOString().slice(0, 10);
    members.push({ clientId, displayName, username, data: generateForLogin("testbank", username, { credentialsToken: "any", asOf, updatedAtTimestamp: 0 }) });
  }
  for (const member of members) await waitForSyncedConnections(member.clientId, 1);
  page = await (await browser.newContext()).newPage();
  await signIn(page, ANA);
});

test.afterAll(async () => {
  await page?.context().close();
  await ana?.dispose();
});

test("an advisor creates a household of two clients from the pages, with roles", async () => {
  await page.goto("/households");
  await expect(page.getByRole("heading", { level: 1, name: "Households" })).toBeVisible();
  await page.screenshot({ path: "test-results/households-screens/list-before.png", fullPage: true });
  await page.getByLabel("Name").fill(householdName);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: householdName })).toBeVisible();
  householdId = page.url().match(/\/households\/([a-z0-9]+)/)![1]!;
  await expect(page.getByText("Household created.")).toBeVisible();

  for (const [member, role] of [
    [members[0]!, "Holder"],
    [members[1]!, "Spouse"],
  ] as const) {
    await page.getByLabel("Client", { exact: true }).selectOption({ label: member.displayName });
    await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("household-members").getByRole("link", { name: member.displayName })).toBeVisible();
  }
  await expect(page.getByLabel(`Role of ${members[1]!.displayName}`)).toHaveValue("SPOUSE");
  // The list shows it with its members and roles.
  await page.goto("/households");
  const row = page.getByTestId("household-list").getByRole("row").filter({ hasText: householdName });
  await expect(row).toContainText(`${members[0]!.displayName} (Holder)`);
  await expect(row).toContainText(`${members[1]!.displayName} (Spouse)`);
  await page.screenshot({ path: "test-results/households-screens/list.png", fullPage: true });
  // Each member's page links to the household.
  await page.goto(`/clients/${members[0]!.clientId}`);
  await expect(page.getByTestId("client-household")).toHaveText(householdName);
  await page.getByTestId("client-household").click();
  await expect(page).toHaveURL(new RegExp(`/households/${householdId}$`));
});

test("the household's totals are the members' figures added up, the joint account counted once with both holders", async ({ request }) => {
  test.setTimeout(120_000);
  const rate = await sandboxUsdRate(request);
  const [a, b] = members as [TMember, TMember];
  const jointA = a.data.accounts.find(isJoint)!;
  const jointB = b.data.accounts.find(isJoint)!;
  // The sandbox really gives both the same account, written differently.
  expect(String(jointB.iban).replace(/\s/g, "")).toBe(jointA.iban);
  expect(String(jointB.iban)).not.toBe(jointA.iban);
  const jointCents = BigInt(Math.round(Number(jointA.balance) * 100));

  // Each member's overview shows their own figures, joint account included.
  const own = members.map((member) => figures(member.data));
  for (const [n, member] of members.entries()) {
    await page.goto(`/clients/${member.clientId}`);
    const eurFigures = own[n]!.get("EUR")!;
    await expect(page.getByTestId("totals-EUR")).toContainText(eur(eurFigures.assets - eurFigures.liabilities));
    // And in euros, every currency converted at the sandbox's rate.
    await expect(page.getByTestId("totals-base")).toContainText(eur(inEuros(own[n]!, rate).net));
  }

  // The household: A's figures, plus B's without the joint account, which A already counts.
  const expected = figures(a.data);
  for (const [currency, value] of figures(b.data, { withoutJoint: true })) {
    const sum = expected.get(currency) ?? { assets: 0n, liabilities: 0n };
    expected.set(currency, { assets: sum.assets + value.assets, liabilities: sum.liabilities + value.liabilities });
  }
  const naiveEurAssets = own[0]!.get("EUR")!.assets + own[1]!.get("EUR")!.assets;
  expect(expected.get("EUR")!.assets).toBe(naiveEurAssets - jointCents);

  await page.goto(`/households/${householdId}`);
  for (const [currency, value] of expected) {
    await expect(page.getByTestId(`household-assets-${currency}`)).toHaveAttribute("data-minor", String(value.assets));
    await expect(page.getByTestId(`household-liabilities-${currency}`)).toHaveAttribute("data-minor", String(value.liabilities));
    await expect(page.getByTestId(`household-net-${currency}`)).toHaveAttribute("data-minor", String(value.assets - value.liabilities));
    await expect(page.getByTestId(`household-net-${currency}`)).toHaveText(eur(value.assets - value.liabilities, currency));
  }
  // The household opens on one figure in euros: the members' euros and dollars, each product once,
  // converted at the sandbox's ECB-shaped rate of its date.
  const inBase = inEuros(expected, rate);
  await expect(page.getByTestId("household-assets-base")).toHaveAttribute("data-minor", String(inBase.assets));
  await expect(page.getByTestId("household-liabilities-base")).toHaveAttribute("data-minor", String(inBase.liabilities));
  await expect(page.getByTestId("household-net-base")).toHaveAttribute("data-minor", String(inBase.net));
  await expect(page.getByTestId("household-net-base")).toHaveText(eur(inBase.net));
  await expect(page.getByTestId("fx-rates-note")).toContainText(`At ECB rates of ${formatDay(rate.day, "en")}`);
  await expect(page.getByTestId("fx-not-converted")).toHaveCount(0);
  await expect(page.getByTestId("household-by-currency-base-table")).toContainText(eur(halfEven(expected.get("USD")!.assets * rate.scale, rate.num)));
  // Counted once, with both holders named.
  const shared = page.getByTestId("household-shared").locator("tbody tr");
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText(JOINT);
  await expect(shared).toContainText(`${a.displayName}, ${b.displayName}`);
  await expect(shared.locator("td[data-minor]")).toHaveAttribute("data-minor", String(jointCents));
  // Liabilities of both, and both members' connections with their state.
  await expect(page.getByTestId("household-liabilities").locator("tbody tr")).toHaveCount(a.data.liabilities.length + b.data.liabilities.length);
  const connections = page.getByTestId("household-connections").locator("tbody tr");
  await expect(connections).toHaveCount(2);
  await expect(connections.filter({ hasText: "Up to date" })).toHaveCount(2);
  await expect(page.getByTestId("household-by-type-table")).toContainText("Bank accounts (cash)");
  await page.screenshot({ path: "test-results/households-screens/household.png", fullPage: true });

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // One click: the dollars as held.
  await page.getByRole("link", { name: "USD", exact: true }).click();
  await expect(page).toHaveURL(/\?ccy=USD$/);
  await expect(page.getByRole("link", { name: "USD", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("heading", { name: "Allocation by investment type (USD)" })).toBeVisible();
  // The list shows the same figure in euros.
  await page.goto("/households");
  await expect(page.getByTestId("household-list").getByRole("row").filter({ hasText: householdName }).getByTestId("household-net-base")).toHaveText(
    eur(inBase.net),
  );
});

test("another advisor cannot see the household, neither listed nor by its address", async ({ browser }) => {
  const luis = await (await browser.newContext()).newPage();
  await signIn(luis, LUIS);
  const response = await luis.goto(`/households/${householdId}`);
  expect(response?.status()).toBe(404);
  await expect(luis.getByText(householdName)).toHaveCount(0);
  await luis.goto("/households");
  await expect(luis.getByText(householdName)).toHaveCount(0);
  await luis.context().close();
});

test("the pages speak Spanish by default", async ({ browser }) => {
  const spanish = await (await browser.newContext()).newPage();
  await signIn(spanish, ANA);
  await spanish.context().addCookies([{ name: "patrimonio-locale", value: "es", url: E2E_BASE_URL }]);
  await spanish.goto("/households");
  await expect(spanish.getByRole("heading", { level: 1, name: "Hogares" })).toBeVisible();
  await expect(spanish.getByRole("row").filter({ hasText: householdName })).toContainText(`${members[0]!.displayName} (Titular)`);
  await spanish.goto(`/households/${householdId}`);
  await expect(spanish.getByRole("heading", { name: "Hogar en EUR" })).toBeVisible();
  await expect(spanish.getByLabel(`Papel de ${members[1]!.displayName}`)).toBeVisible();
  await expect(spanish).toHaveTitle(/Hogar/);
  await spanish.screenshot({ path: "test-results/households-screens/household-es.png", fullPage: true });
  await spanish.context().close();
});

test("a member changes role, leaves, and the household is renamed and deleted; every change is audited", async ({ request }) => {
  test.setTimeout(120_000);
  const rate = await sandboxUsdRate(request);
  const [a, b] = members as [TMember, TMember];
  await page.goto(`/households/${householdId}`);
  await page.getByLabel(`Role of ${b.displayName}`).selectOption("CHILD");
  await page.getByTestId("household-members").getByRole("row").filter({ hasText: b.displayName }).getByRole("button", { name: "Save role" }).click();
  await expect.poll(() => queryE2eDb<{ role: string }>("select role from HouseholdMember where clientId = ?", b.clientId)[0]?.role).toBe("CHILD");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("household-members").getByRole("row").filter({ hasText: b.displayName }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("household-members").getByRole("link", { name: b.displayName })).toHaveCount(0);
  // Now only A's figures, and nothing is shared any more.
  const eurOnly = figures(a.data).get("EUR")!;
  await expect(page.getByTestId("household-net-EUR")).toHaveAttribute("data-minor", String(eurOnly.assets - eurOnly.liabilities));
  await expect(page.getByTestId("household-net-base")).toHaveAttribute("data-minor", String(inEuros(figures(a.data), rate).net));
  await expect(page.getByText("No product is reached through two connections.")).toBeVisible();

  const renamed = `${householdName} renamed`;
  await page.locator("#household-rename").fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete household" }).click();
  await expect(page).toHaveURL(/\/households$/);
  await expect(page.getByText(renamed)).toHaveCount(0);
  expect(queryE2eDb("select clientId from HouseholdMember where clientId in (?, ?)", a.clientId, b.clientId)).toEqual([]);

  const actions = queryE2eDb<{ action: string }>("select action from AuditEvent where targetType = 'household' and targetId = ? order by id", householdId).map(
    (row) => row.action,
  );
  expect(actions[0]).toBe("household.create");
  expect(actions.at(-1)).toBe("household.delete");
  // Two members added, a role changed, one removed, a rename.
  expect(actions.filter((action) => action === "household.update")).toHaveLength(5);
});
