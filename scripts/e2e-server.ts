import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

/** The server the end-to-end tests run against: the production build with a database of its own, created fresh. */
const DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
rmSync(DATA_DIR, { recursive: true, force: true });
process.env.DATA_DIR = DATA_DIR;
delete process.env.DATABASE_URL;

const { prepareDatabase } = await import("./lib/prepare-database");
const { loadEnv } = await import("../lib/config/load-env");
const { BIN } = await import("./lib/run");

await prepareDatabase();
const server = spawn("node", [BIN.next, "start", "-p", String(loadEnv().PORT), "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
