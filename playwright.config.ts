import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/lib/chromium-path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;

/** The accessibility scans `npm test` runs in the main specs' process (the others follow the exclusive specs). */
const MAIN_PROCESS_SCANS = /admin console|sign-in page/;

export default defineConfig({
  testDir: "e2e",
  // `npm test` runs the exclusive project in a second Playwright process beside the main one (its own server,
  // database and sandbox: E2E_PORT, E2E_DATA_DIR), so each keeps its own results folder.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: true,
  forbidOnly: true,
  // Two: three were slower on two cores (each test took 1.5–2× as long; the machine is CPU-bound throughout).
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  projects: [
    { name: "main", testIgnore: [/\.(exclusive|after)\.spec\.ts$/, /accessibility\.spec\.ts$/] },
    // Tests that read the sandbox's global request counters run alone: after everything else in one process, or
    // against a server of their own (`npm test`: --project=exclusive --no-deps with another E2E_PORT and E2E_DATA_DIR).
    {
      name: "exclusive",
      testMatch: /\.exclusive\.spec\.ts$/,
      dependencies: process.env.E2E_EXCLUSIVE_PROCESS === "1" ? [] : ["main"],
      fullyParallel: false,
      workers: 1,
    },
    // The axe scans, after the exclusive specs and on their server (`npm test` runs both in the second process): the
    // exclusive specs run one at a time and ended minutes before the main ones, which the scans then lengthened.
    // Two of the scans stay with the main specs, which end about a minute before the exclusive ones otherwise.
    { name: "accessibility", testMatch: /accessibility\.spec\.ts$/, grepInvert: MAIN_PROCESS_SCANS, dependencies: ["exclusive"], workers: 2 },
    { name: "accessibility-main", testMatch: /accessibility\.spec\.ts$/, grep: MAIN_PROCESS_SCANS },
    // Checks of what the main specs left behind (the audit log), once they have all run.
    { name: "after", testMatch: /\.after\.spec\.ts$/, dependencies: ["main"], workers: 1 },
  ],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "en-GB",
    // The app stops its pulses and fades for reduced motion (app/globals.css): four software-rendered browsers on two
    // cores otherwise repaint placeholders that pulse for as long as a page stays open.
    reducedMotion: "reduce",
    // Off unless asked for (E2E_TRACE=retain-on-failure): recording a trace screencasts every page, and measured on
    // e2e/wealth.spec.ts it cost a quarter of the run's CPU (87 → 66 CPU-seconds), most of it in Chromium's browser
    // process. A failure still leaves its screenshot and error context.
    trace: process.env.E2E_TRACE === "retain-on-failure" || process.env.E2E_TRACE === "on" ? process.env.E2E_TRACE : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // A fresh database under data/e2e, then the production build on its own port.
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/login`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
