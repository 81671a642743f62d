import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { generateForLogin, type TCredentialsData } from "../lib/sandbox/generate-data";
import { ANA, consentAndOpenLink, createClientViaUi, createInvitationLink, linkReference, signIn, unique } from "./fixtures";

export type TConnectedClient = { page: Page; clientId: string; displayName: string; username: string; data: TCredentialsData };

/**
 * A new client of Ana connected to testbank through the real flow (invitation, consent, the
 * sandbox's Link without a browser, our callback), then left to the app: its scheduler polls the
 * status and syncs when the extraction finishes. Resolves once the overview shows the data.
 * `data` is what the sandbox serves for these credentials (amounts depend on the username only).
 * Each spec uses its own username: the e2e server's sandbox state is fresh per run, and a bank +
 * username can be connected only once.
 */
export async function connectTestbankClient(browser: Browser, request: APIRequestContext, username: string): Promise<TConnectedClient> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ANA);
  const displayName = unique("Wealth");
  const clientId = await createClientViaUi(page, displayName);
  await page.goto(`/clients/${clientId}/connections`);
  const invitationUrl = await createInvitationLink(page);
  const endUser = await (await browser.newContext()).newPage();
  await consentAndOpenLink(endUser, invitationUrl);
  const ref = linkReference(endUser);
  await endUser.context().close();
  const created = await request.post("/sandbox/_control/credentials", { data: { bank: "testbank", username, password: "healthy", extra: { ref } } });
  expect(created.status()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const callback = await request.get(`/connect/callback?code=${encodeURIComponent(code)}&ref=${encodeURIComponent(ref)}`, { maxRedirects: 0 });
  expect(callback.status()).toBe(303);
  // Until the first sync stored the data, asked of the connections API: reloading the overview to find out drew its
  // charts again every 2 s, in a helper a dozen tests call.
  await expect
    .poll(
      async () => {
        const answer = (await (await page.request.get(`/api/clients/${clientId}/connections`)).json()) as { connections: { hasStoredData: boolean }[] };
        return answer.connections.some((connection) => connection.hasStoredData);
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);
  await page.goto(`/clients/${clientId}`);
  await expect(page.getByTestId("totals-EUR")).toBeVisible();
  const asOf = new Date().toISOString().slice(0, 10);
  return { page, clientId, displayName, username, data: generateForLogin("testbank", username, { credentialsToken: "any", asOf, updatedAtTimestamp: 0 }) };
}

/** Exact sums in cents of the records' `field`, per currency. */
export function centsByCurrency(records: Record<string, unknown>[], field: string, currencyField = "currency"): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const record of records) {
    const currency = String(record[currencyField]);
    const cents = BigInt(Math.round(Number(record[field]) * 100));
    totals.set(currency, (totals.get(currency) ?? 0n) + cents);
  }
  return totals;
}

const FORMATS = new Map<string, Intl.NumberFormat>();
/** As the app shows amounts in English (en-GB, currency symbol). */
export function eur(cents: bigint, currency = "EUR"): string {
  let format = FORMATS.get(currency);
  if (!format) FORMATS.set(currency, (format = new Intl.NumberFormat("en-GB", { style: "currency", currency })));
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return format.format(text as unknown as number);
}

export const WEALTH_TABS = [
  "",
  "/investments",
  "/portfolios",
  "/performance",
  "/accounts",
  "/cards",
  "/liabilities",
  "/mifid",
  "/identity",
  "/investments/transactions",
] as const;
