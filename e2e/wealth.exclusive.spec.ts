import { expect, test } from "@playwright/test";
import { connectTestbankClient, WEALTH_TABS } from "./wealth-helpers";

/* Reads the sandbox's global request counters: runs in the "exclusive" project, alone. */
test.setTimeout(180_000);

test("viewing every wealth tab makes no request to Flanks", async ({ browser, request }) => {
  const { page, clientId } = await connectTestbankClient(browser, request, "wealth-counters");
  const total = async () => ((await (await request.get("/sandbox/_control/counters")).json()) as { total: number }).total;
  const before = await total();
  for (const tab of WEALTH_TABS) {
    const response = await page.goto(`/clients/${clientId}${tab}`);
    expect(response?.status()).toBe(200);
  }
  await page.goto(`/clients/${clientId}/accounts?sort=amount&q=recibo&page=2`);
  await page.request.get(`/api/clients/${clientId}/transactions/account/csv`);
  expect(await total()).toBe(before);
  await page.context().close();
});
