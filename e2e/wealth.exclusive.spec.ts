import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db";
import { ANA, signIn } from "./fixtures";
import { WEALTH_TABS } from "./wealth-helpers";

/* Reads the sandbox's global request counters: runs in the "exclusive" project, alone. */
test.setTimeout(180_000);

test("viewing every wealth tab makes no request to Flanks", async ({ page, request }) => {
  // The demo client the server connected and synced at start: no connect flow of its own. Every one of its connections
  // (two from the demo, one more if the canary spec ran first) has synced, so no sync of it runs while counting.
  const unsynced = () =>
    queryE2eDb<{ n: number }>(
      `SELECT count(*) AS n FROM Connection c JOIN Client k ON k.id = c.clientId LEFT JOIN WealthSyncState s ON s.connectionId = c.id
       WHERE k.displayName = ? AND (s.connectionId IS NULL OR c.pending = 1)`,
      "Carmen Ruiz Ortega",
    )[0]?.n;
  const synced = () =>
    queryE2eDb<{ n: number }>(`SELECT count(*) AS n FROM WealthSyncState s JOIN Client k ON k.id = s.clientId WHERE k.displayName = ?`, "Carmen Ruiz Ortega")[0]
      ?.n ?? 0;
  await expect.poll(() => (synced() >= 2 ? unsynced() : -1), { timeout: 90_000, intervals: [2_000] }).toBe(0);
  const [carmen] = queryE2eDb<{ id: string }>(`SELECT id FROM Client WHERE displayName = ?`, "Carmen Ruiz Ortega");
  const clientId = carmen!.id;
  await signIn(page, ANA);
  const total = async () => ((await (await request.get("/sandbox/_control/counters")).json()) as { total: number }).total;
  const before = await total();
  for (const tab of WEALTH_TABS) {
    const response = await page.goto(`/clients/${clientId}${tab}`);
    expect(response?.status()).toBe(200);
  }
  await page.goto(`/clients/${clientId}/accounts?sort=amount&q=recibo&page=2`);
  await page.request.get(`/api/clients/${clientId}/transactions/account/csv`);
  expect(await total()).toBe(before);
});
