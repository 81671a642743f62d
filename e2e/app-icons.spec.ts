import { expect, test } from "@playwright/test";

test("the app's icons are served from public/, and a page load asks for nothing that 404s", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Chromium asks for the page's icons (or /favicon.ico) after the load: give it the chance.
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);

  const hrefs = await page
    .locator("head link[rel~=icon], head link[rel=apple-touch-icon]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.map((href) => href.split("?")[0]).sort()).toEqual(["/apple-touch-icon.png", "/favicon.ico", "/icon.svg"]);
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
  ] as const) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
});
