import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { SANDBOX_CLIENT_ID, SANDBOX_LINK_TOKEN } from "../lib/config/parse-env";
import { createSandbox } from "../lib/sandbox/create-sandbox";
import { nodeListener } from "../lib/sandbox/node-http";

/*
 * Two app instances as two hosts would run them (e2e/two-instances.exclusive.spec.ts): each its own
 * DATA_DIR and `scripts/serve.ts` (what `npm start` runs), one database, one Flanks (the sandbox,
 * in this test's process), the shared secrets through the environment as a deployment sets them.
 * TWO_INSTANCES_DATABASE_URL picks the database (e.g. a PostgreSQL one), which must be empty (the test
 * counts the demo's rows); by default a fresh SQLite file.
 */
export const ROOT = "data/two-instances";
export const PORTS = { a: Number(process.env.TWO_INSTANCES_PORT_A ?? 3230), b: Number(process.env.TWO_INSTANCES_PORT_B ?? 3231) } as const;
const SANDBOX_PORT = Number(process.env.TWO_INSTANCES_SANDBOX_PORT ?? 3233);
export const SANDBOX_API = `http://127.0.0.1:${SANDBOX_PORT}/sandbox`;
export const DATABASE_URL = process.env.TWO_INSTANCES_DATABASE_URL ?? `file:./${ROOT}/app.db`;
export const urlOf = (name: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[name]}`;

export type TInstance = { name: keyof typeof PORTS; url: string; process: ChildProcess; logFile: string; exited: Promise<number | null> };

export const SECRETS = {
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  AUDIT_KEY: randomBytes(32).toString("base64url"),
  SANDBOX_CLIENT_SECRET: randomBytes(24).toString("base64url"),
};

function instanceEnv(name: keyof typeof PORTS): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORTS[name]),
    DATA_DIR: path.join(ROOT, name),
    DATABASE_URL,
    // The one sandbox, as one Flanks: neither instance starts its own.
    SANDBOX_UPSTREAM: `http://127.0.0.1:${SANDBOX_PORT}`,
    FLANKS_API_URL: SANDBOX_API,
    NEXTAUTH_SECRET: SECRETS.NEXTAUTH_SECRET,
    ENCRYPTION_KEY: SECRETS.ENCRYPTION_KEY,
    AUDIT_KEY: SECRETS.AUDIT_KEY,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // The shutdown test's hanging Flanks call outlasts the jobs' grace, a short one to keep the test short.
    FLANKS_TIMEOUT_MS: "30000",
    SHUTDOWN_GRACE_MS: "2000",
    WEB_CONCURRENCY: "1",
  };
  for (const key of ["E2E_DATA_DIR", "SANDBOX_PORT", "SANDBOX_TOKEN_PREFIX", "FLANKS_CLIENT_ID", "FLANKS_CLIENT_SECRET"]) delete env[key];
  return env;
}

/** The sandbox both instances call, on its fixed port; the sandbox-mode client id, and the secret both instances hold. */
export async function startSharedSandbox(): Promise<{ close: () => Promise<void> }> {
  const sandbox = await createSandbox({
    stateFile: path.join(ROOT, "sandbox-state.json"),
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SECRETS.SANDBOX_CLIENT_SECRET,
    linkToken: SANDBOX_LINK_TOKEN,
    linkRedirectUri: "/connect/callback",
    basePath: "/sandbox",
  });
  const origin = `http://127.0.0.1:${SANDBOX_PORT}`;
  const server: Server = createServer(
    nodeListener(
      (request) => sandbox.handle(request),
      () => origin,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SANDBOX_PORT, "127.0.0.1", resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh start: the data directories (with the secrets a sandbox-mode start would otherwise generate per directory). */
export function freshDirectories(): void {
  rmSync(ROOT, { recursive: true, force: true });
  for (const name of Object.keys(PORTS)) {
    mkdirSync(path.join(ROOT, name), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(ROOT, name, "secrets.json"), JSON.stringify(SECRETS), { mode: 0o600 });
  }
}

/** Migrations and the demo seed, as `npm start` does before serving: once, from one instance's environment. */
export function prepareDatabaseAs(name: keyof typeof PORTS): void {
  const code = 'import("./scripts/lib/prepare-database.ts").then((m) => m.prepareDatabase()).catch((e) => { console.error(e); process.exit(1); })';
  const result = spawnSync("node", ["--import", "tsx", "-e", code], { env: instanceEnv(name), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prepareDatabase failed: ${result.stderr}`);
}

export function startInstance(name: keyof typeof PORTS): TInstance {
  const logFile = path.join(ROOT, `${name}.log`);
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn("node", ["--import", "tsx", "scripts/serve.ts", "--host", "127.0.0.1"], {
    env: instanceEnv(name),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name, url: urlOf(name), process: child, logFile, exited };
}

export async function waitUntilHealthy(instance: TInstance, timeoutMs = 90_000): Promise<void> {
  for (const giveUpAt = Date.now() + timeoutMs; Date.now() < giveUpAt;) {
    try {
      if ((await fetch(`${instance.url}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`instance ${instance.name} did not become healthy:\n${readFileSync(instance.logFile, "utf8").slice(-2_000)}`);
}

/** Stops an instance's whole process group (its primary and worker), if still running. */
export function killInstance(instance: TInstance): void {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  try {
    process.kill(-instance.process.pid!, "SIGKILL");
  } catch {
    // already gone
  }
}

export async function sandboxCounts(): Promise<Record<string, number>> {
  return ((await (await fetch(`${SANDBOX_API}/_control/counters`)).json()) as { counts: Record<string, number> }).counts;
}

export async function sandboxControl(pathName: string, body?: unknown, method = "POST"): Promise<unknown> {
  const response = await fetch(`${SANDBOX_API}/_control/${pathName}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${pathName}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The primary's pid of the server process `pid` (a Next worker's parent), from /proc. */
export function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}
