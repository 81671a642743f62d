import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The end-to-end subset on PostgreSQL: the same production build, its server on a PostgreSQL the
 * run starts (scripts/e2e-postgres-server.ts). The client list, one connection flow to a
 * synced overview, and the ledgers' search. The other specs read the SQLite file directly (e2e/db.ts).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  ...base,
  projects: [{ name: "postgres" }],
  // The sign-in form itself is the same on both databases; the sessions it makes are read by every test here.
  testMatch: ["clients.spec.ts", "wealth.spec.ts"],
  grep: /searching and sorting the list|overview: totals per currency|accounts and transactions/,
  workers: 1,
  outputDir: "test-results-postgres",
  webServer: {
    ...(base.webServer as object),
    command: "node --import tsx scripts/e2e-postgres-server.ts",
    env: { PORT: String(PORT), E2E_DATA_DIR: process.env.E2E_DATA_DIR ?? "data/e2e-pg" },
  },
});
