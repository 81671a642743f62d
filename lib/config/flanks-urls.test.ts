import { describe, expect, it } from "vitest";
import { ConfigError, isLoopbackHost, parseEnv } from "./parse-env";

/**
 * FLANKS_API_URL and FLANKS_LINK_URL carry bank credentials tokens and send end users to their
 * bank: https only, except loopback (the built-in sandbox, or a local imitation of Flanks in tests).
 */
const generated = {
  NEXTAUTH_SECRET: "g".repeat(43),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SANDBOX_CLIENT_SECRET: "sandbox-secret",
  AUDIT_KEY: "generated-audit-key-generated-audit-key",
};
const REAL = { FLANKS_CLIENT_ID: "id", FLANKS_CLIENT_SECRET: "secret", FLANKS_LINK_TOKEN: "link", NEXTAUTH_URL: "https://wealth.example.com" };

const ACCEPTED = [
  "https://api.flanks.io",
  "https://platform.flanks.io/link",
  "https://flanks.internal.example:8443/base",
  "http://127.0.0.1:4010",
  "http://127.9.8.7",
  "http://localhost:4010",
  "http://[::1]:4010",
];

const REJECTED = [
  "http://api.flanks.io", // plain http off loopback
  "http://platform.flanks.io/link",
  "http://127.0.0.1.evil.example", // looks loopback, is not
  "http://localhost.evil.example",
  "http://127.0.0.1@evil.example", // userinfo: the host is evil.example
  "http://10.0.0.1",
  "http://192.168.1.10:8080",
  "http://0.0.0.0:4010",
  "http://169.254.169.254/latest", // cloud metadata
  "ftp://api.flanks.io",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "//api.flanks.io",
  "api.flanks.io",
  "https://",
];

describe.each(["FLANKS_API_URL", "FLANKS_LINK_URL"] as const)("%s", (name) => {
  it.each(ACCEPTED)("accepts %s", (value) => {
    const env = parseEnv({ ...REAL, [name]: value }, generated);
    expect(name === "FLANKS_API_URL" ? env.flanksApiUrl : env.flanksLinkUrl).toBe(value.replace(/\/+$/, ""));
  });

  it.each(REJECTED)("refuses %s, naming the variable", (value) => {
    expect(() => parseEnv({ ...REAL, [name]: value }, generated)).toThrow(ConfigError);
    expect(() => parseEnv({ ...REAL, [name]: value }, generated)).toThrow(name);
  });
});

describe("defaults", () => {
  it("are https with real credentials, loopback in sandbox mode", () => {
    const real = parseEnv(REAL, generated);
    expect(new URL(real.flanksApiUrl).protocol).toBe("https:");
    expect(new URL(real.flanksLinkUrl).protocol).toBe("https:");
    const sandbox = parseEnv({ PORT: "3999" }, generated);
    expect(sandbox.flanksApiUrl).toBe("http://127.0.0.1:3999/sandbox");
    expect(sandbox.flanksLinkUrl).toBe("/sandbox/link");
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["[::1]", true],
    ["::1", true],
    ["127.0.0.1.nip.io", false],
    ["localhost.example", false],
    ["0.0.0.0", false],
    ["128.0.0.1", false],
    ["::ffff:7f00:1", false],
  ])("%s → %s", (host, expected) => expect(isLoopbackHost(host)).toBe(expected));
});
