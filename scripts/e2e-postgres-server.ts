// The end-to-end server on PostgreSQL (playwright.postgres.config.ts): a PostgreSQL of its own from
// node_modules (scripts/lib/postgres-server.ts) with a fresh database, then scripts/e2e-server.ts on it.
import { startPostgresServer } from "./lib/postgres-server";

const server = await startPostgresServer({ port: Number(process.env.E2E_PG_PORT ?? 5443), dataDir: process.env.E2E_PG_DATA_DIR ?? "data/e2e-postgres" });
process.env.E2E_DATABASE_URL = await server.createDatabase({ name: "patrimonio_e2e" });
// e2e-server.ts exits when its app server does; the cluster (and its folder) goes with this process.
process.on("exit", () => void server.stop());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.stop());
await import("./e2e-server");
