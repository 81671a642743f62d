// Global setup of the PostgreSQL test run (vitest.postgres.config.ts): one PostgreSQL for the run,
// a template database with every PostgreSQL migration applied by dbmate, copied per test database
// (lib/sync/test/test-database.ts: CREATE DATABASE … TEMPLATE takes milliseconds).
import type { TestProject } from "vitest/node";
import { applyPostgresMigrations } from "./migrate-postgres";
import { startPostgresServer, type TPostgresServer } from "./postgres-server";

const TEMPLATE = "patrimonio_template";
let server: TPostgresServer | undefined;

export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_PG_PORT ?? 5442);
  server = await startPostgresServer({ port, dataDir: process.env.TEST_PG_DATA_DIR ?? "data/test-postgres" });
  const templateUrl = await server.createDatabase({ name: TEMPLATE });
  await applyPostgresMigrations(templateUrl, { quiet: true });
  project.provide("postgres", { adminUrl: server.urlOf("postgres"), template: TEMPLATE });
  return async () => {
    await server?.stop();
  };
}
