import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeCanarySecrets } from "./lib/canary-secrets";

/**
 * The server the end-to-end tests run against: the production build with a database of its own,
 * created fresh. Its generated secrets are canaries (recognisable, unique per run; see
 * scripts/lib/canary-secrets.ts), and its output is also written to `${E2E_DATA_DIR}/server.log`,
 * so the tests can search every output for them and for unhandled rejections.
 */
const DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
rmSync(DATA_DIR, { recursive: true, force: true });
mkdirSync(DATA_DIR, { recursive: true });
process.env.DATA_DIR = DATA_DIR;
// A SQLite file under DATA_DIR, or the PostgreSQL database scripts/e2e-postgres-server.ts made for this run.
if (process.env.E2E_DATABASE_URL) process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
else delete process.env.DATABASE_URL;
// The canaries must be what the app uses: configured values would take precedence over secrets.json.
for (const name of ["NEXTAUTH_SECRET", "ENCRYPTION_KEY", "FLANKS_CLIENT_ID", "FLANKS_CLIENT_SECRET"]) delete process.env[name];

const canaries = makeCanarySecrets();
writeFileSync(path.join(DATA_DIR, "secrets.json"), JSON.stringify(canaries.secrets, null, 2), { mode: 0o600 });
writeFileSync(path.join(DATA_DIR, "canaries.json"), JSON.stringify(canaries, null, 2), { mode: 0o600 });
process.env.SANDBOX_TOKEN_PREFIX = canaries.tokenPrefix;

const { prepareDatabase } = await import("./lib/prepare-database");

await prepareDatabase();
const log = createWriteStream(path.join(DATA_DIR, "server.log"), { flags: "a" });
// The same server processes as `npm start` (scripts/serve.ts), so the tests cover that model.
const server = spawn("node", ["--import", "tsx", "scripts/serve.ts", "--host", "127.0.0.1"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" },
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
server.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
