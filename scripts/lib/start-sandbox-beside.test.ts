import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/parse-env";
import { startSandboxBeside, type TSandboxBeside } from "./start-sandbox-beside";

const generated = {
  NEXTAUTH_SECRET: "g".repeat(43),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SANDBOX_CLIENT_SECRET: "sandbox-secret",
  AUDIT_KEY: "generated-audit-key-generated-audit-key",
};
const PRODUCTION = { FLANKS_CLIENT_ID: "id", FLANKS_CLIENT_SECRET: "secret", FLANKS_LINK_TOKEN: "link", NEXTAUTH_URL: "https://wealth.example.com" };

let dataDir = "";
let started: TSandboxBeside | undefined;
afterEach(() => {
  started?.close();
  started = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});
const envOf = (source: Record<string, string>) => {
  dataDir = mkdtempSync(join(tmpdir(), "sandbox-beside-"));
  return parseEnv({ DATA_DIR: dataDir, ...source }, generated);
};

describe("startSandboxBeside", () => {
  it("in sandbox mode serves the sandbox on loopback and tells the servers where it is", async () => {
    started = await startSandboxBeside(envOf({}));
    expect(started?.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started?.serverEnv).toEqual({ SANDBOX_UPSTREAM: started?.origin, FLANKS_API_URL: `${started?.origin}/sandbox` });
    const jwks = await fetch(`${started?.serverEnv.FLANKS_API_URL}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect((await jwks.json()) as unknown).toHaveProperty("keys");
  });

  it("leaves a configured FLANKS_API_URL to the servers", async () => {
    started = await startSandboxBeside(envOf({ FLANKS_API_URL: "http://127.0.0.1:9/sandbox" }));
    expect(started?.serverEnv).toEqual({ SANDBOX_UPSTREAM: started?.origin });
  });

  it("starts nothing outside sandbox mode, nor when another process already serves it", async () => {
    expect(await startSandboxBeside(envOf(PRODUCTION))).toBeUndefined();
    rmSync(dataDir, { recursive: true, force: true });
    expect(await startSandboxBeside(envOf({ SANDBOX_UPSTREAM: "http://127.0.0.1:9" }))).toBeUndefined();
  });
});
