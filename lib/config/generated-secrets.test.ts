import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadGeneratedSecrets } from "./generated-secrets";

const dir = mkdtempSync(join(tmpdir(), "patrimonio-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("adds the audit key to a secrets file of an older version, keeping every secret it had", () => {
  const file = join(dir, "secrets.json");
  const older = { NEXTAUTH_SECRET: "n".repeat(43), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), SANDBOX_CLIENT_SECRET: "sandbox-secret" };
  writeFileSync(file, JSON.stringify(older), { mode: 0o600 });
  const secrets = loadGeneratedSecrets(dir);
  expect(secrets).toMatchObject(older);
  expect(secrets.AUDIT_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(secrets);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  // The next start reads the same key.
  expect(loadGeneratedSecrets(dir).AUDIT_KEY).toBe(secrets.AUDIT_KEY);
});

it("creates every secret, the audit key included, on first use", () => {
  const fresh = join(dir, "fresh");
  const secrets = loadGeneratedSecrets(fresh);
  expect(Object.keys(secrets).sort()).toEqual(["AUDIT_KEY", "ENCRYPTION_KEY", "NEXTAUTH_SECRET", "SANDBOX_CLIENT_SECRET"]);
  expect(statSync(join(fresh, "secrets.json")).mode & 0o777).toBe(0o600);
});
