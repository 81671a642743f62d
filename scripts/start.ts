import { spawn } from "node:child_process";
import { ConfigError } from "../lib/config/parse-env";
import { loadEnv } from "../lib/config/load-env";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-prisma-client";
import { redactDatabaseUrl } from "../lib/db/sql-dialect";
import { DEMO_ACCOUNTS } from "../lib/demo/demo-accounts";
import { demoUsersProblem } from "../lib/demo/demo-users";
import { needsBuild } from "./lib/needs-build";
import { prepareDatabase } from "./lib/prepare-database";
import { BIN, run } from "./lib/run";
import { startSandboxBeside } from "./lib/start-sandbox-beside";

const isDev = process.argv.includes("--dev");

async function withDatabase<T>(databaseUrl: string, work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await prepareDatabase();
  const demoProblem = await withDatabase(env.databaseUrl, (db) => demoUsersProblem(db, env.isSandboxMode));
  if (demoProblem) {
    console.error(demoProblem);
    process.exit(1);
  }
  if (!isDev && needsBuild()) {
    console.log("Building the app (first start or changed sources)…");
    await run("node", [BIN.next, "build"]);
  }
  // Production: scripts/serve.ts runs WEB_CONCURRENCY server processes on the port (docs/decisions/034-server-processes.md)
  // and, in sandbox mode, the sandbox. `next dev` is one process with no primary: the sandbox runs here, beside it (044).
  const sandbox = isDev ? await startSandboxBeside(env) : undefined;
  const args = isDev ? [BIN.next, "dev", "-p", String(env.PORT)] : ["--import", "tsx", "scripts/serve.ts"];
  const server = spawn("node", args, { stdio: "inherit", env: { ...process.env, AUTH_TRUST_HOST: "true", ...sandbox?.serverEnv } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const lines = [``, `Patrimonio is running on ${url}`, `Database: ${redactDatabaseUrl(env.databaseUrl)}`];
  if (env.isSandboxMode) {
    lines.push(`Flanks: built-in sandbox (${env.flanksApiUrl}); no FLANKS_CLIENT_ID set`, `Demo sign-ins:`);
    for (const account of DEMO_ACCOUNTS) lines.push(`  ${account.role.padEnd(8)} ${account.email.padEnd(26)} ${account.password}`);
  } else {
    lines.push(`Flanks: ${env.flanksApiUrl}`, `No demo accounts. Create the first admin with: npm run admin:create -- --email you@firm.com --name "Your Name"`);
  }
  console.log(lines.join("\n") + "\n");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
