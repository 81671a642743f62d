import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { "server-only": new URL("./lib/test/server-only-stub.ts", import.meta.url).pathname } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    // Tests that need a PostgreSQL run in vitest.postgres.config.ts only.
    exclude: [...configDefaults.exclude, "**/*.postgres.test.ts"],
    environment: "node",
    setupFiles: ["./lib/test/setup.ts"],
    testTimeout: 20_000,
  },
});
