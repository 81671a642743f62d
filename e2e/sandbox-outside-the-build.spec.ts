import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { findSandboxInBuild } from "../scripts/lib/find-sandbox-in-build";

/**
 * The sandbox runs beside the server, never inside its build (docs/decisions/044): the build this
 * suite runs against holds none of lib/sandbox, and a production-mode server (FLANKS_CLIENT_ID set)
 * answers 404 under /sandbox, forwards nothing and starts no sandbox.
 */
const SERVER_BUILD = join(process.env.NEXT_DIST_DIR || ".next", "server");

test("the server build holds no sandbox code", () => {
  const build = findSandboxInBuild(SERVER_BUILD);
  // Something was searched: the build's scripts, and source maps that name the /sandbox route itself.
  expect(build.scripts).toBeGreaterThan(0);
  expect(build.sourceMaps).toBeGreaterThan(0);
  expect([...build.sources]).toContain("app/sandbox/%5B...path%5D/route.ts");
  expect(build.findings).toEqual([]);
});

/** A port nothing listens on now (the OS's choice), for a server of this test. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function isListening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
}

test.describe("a production-mode server", () => {
  let dataDir = "";
  let server: ChildProcess | undefined;
  let upstream: Server | undefined;
  const forwarded: string[] = [];

  test.afterEach(async () => {
    // serve.ts stops its workers on SIGTERM; it leads its own process group.
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    upstream?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("answers 404 under /sandbox, forwards nothing and runs no sandbox", async () => {
    test.setTimeout(90_000);
    // Were the route to forward in this mode, this upstream would see it.
    upstream = createServer((request, response) => {
      forwarded.push(`${request.method} ${request.url}`);
      response.end("{}");
    });
    await new Promise<void>((resolve) => upstream!.listen(0, "127.0.0.1", resolve));
    const [port, sandboxPort] = [await freePort(), await freePort()];
    dataDir = mkdtempSync(join(tmpdir(), "patrimonio-production-mode-"));
    server = spawn("node", ["--import", "tsx", "scripts/serve.ts", "--host", "127.0.0.1"], {
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: `file:${join(dataDir, "app.db")}`,
        FLANKS_CLIENT_ID: "real-client",
        FLANKS_CLIENT_SECRET: "real-secret",
        FLANKS_LINK_TOKEN: "real-link",
        // Never called: nothing here reaches Flanks (port 9 is discard).
        FLANKS_API_URL: "http://127.0.0.1:9",
        NEXTAUTH_URL: "https://wealth.example.com",
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_UPSTREAM: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        SCHEDULER: "off",
        WEB_CONCURRENCY: "1",
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const origin = `http://127.0.0.1:${port}`;
    await expect.poll(() => isListening(port), { timeout: 60_000 }).toBe(true);

    for (const [method, path] of [
      ["GET", "/sandbox/link?token=sandbox-link&bank=testbank"],
      ["POST", "/sandbox/v0/token"],
      ["POST", "/sandbox/v0/bank/credentials/status"],
      ["GET", "/sandbox/.well-known/jwks.json"],
      ["GET", "/sandbox/_control/counters"],
      ["POST", "/sandbox/_control/credentials"],
    ] as const) {
      const response = await fetch(`${origin}${path}`, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json(), `${method} ${path}`).toEqual({ error: "Not found" });
    }
    expect(forwarded).toEqual([]);
    // The primary started no sandbox of its own on SANDBOX_PORT.
    expect(await isListening(sandboxPort)).toBe(false);
  });
});
