import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, SANDBOX_CLIENT_ID } from "./parse-env";

const generated = {
  NEXTAUTH_SECRET: "g".repeat(43),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SANDBOX_CLIENT_SECRET: "sandbox-secret",
  AUDIT_KEY: "generated-audit-key-generated-audit-key",
};

describe("parseEnv", () => {
  it("defaults to sandbox mode with a SQLite file under data/", () => {
    const env = parseEnv({}, generated);
    expect(env.isSandboxMode).toBe(true);
    expect(env.databaseUrl).toBe("file:./data/app.db");
    expect(env.flanksApiUrl).toBe("http://127.0.0.1:3000/sandbox");
    expect(env.flanksLinkUrl).toBe("/sandbox/link");
    expect(env.flanksClientId).toBe(SANDBOX_CLIENT_ID);
    expect(env.SANDBOX_PORT).toBe(0);
    expect(env.FIRM_TIME_ZONE).toBe("Europe/Madrid");
    expect(env.nextAuthSecret).toBe(generated.NEXTAUTH_SECRET);
    expect(env.encryptionKey).toBe(generated.ENCRYPTION_KEY);
    expect(env.auditKey).toBe(generated.AUDIT_KEY);
    expect(env.auditAnchorFile).toBe("data/audit-anchor.json");
  });

  it("takes AUDIT_KEY and AUDIT_ANCHOR_FILE from the environment, and refuses a short audit key", () => {
    const env = parseEnv({ AUDIT_KEY: "k".repeat(32), AUDIT_ANCHOR_FILE: "/mnt/anchors/patrimonio.json" }, generated);
    expect(env.auditKey).toBe("k".repeat(32));
    expect(env.auditAnchorFile).toBe("/mnt/anchors/patrimonio.json");
    expect(() => parseEnv({ AUDIT_KEY: "short" }, generated)).toThrow("AUDIT_KEY: must be at least 32 characters");
  });

  it("takes the firm's time zone when it is one Intl knows", () => {
    expect(parseEnv({ FIRM_TIME_ZONE: "America/Mexico_City" }, generated).FIRM_TIME_ZONE).toBe("America/Mexico_City");
  });

  it("keeps an absolute DATA_DIR absolute in the database URL", () => {
    expect(parseEnv({ DATA_DIR: "/srv/patrimonio" }, generated).databaseUrl).toBe("file:/srv/patrimonio/app.db");
    expect(parseEnv({ DATA_DIR: "data/e2e" }, generated).databaseUrl).toBe("file:./data/e2e/app.db");
  });

  it("uses the real Flanks when credentials are configured", () => {
    const env = parseEnv(
      { FLANKS_CLIENT_ID: "id", FLANKS_CLIENT_SECRET: "secret", FLANKS_LINK_TOKEN: "link", NEXTAUTH_URL: "https://wealth.example.com" },
      generated,
    );
    expect(env.isSandboxMode).toBe(false);
    expect(env.flanksApiUrl).toBe("https://api.flanks.io");
    expect(env.flanksLinkUrl).toBe("https://platform.flanks.io/link");
  });

  it.each([
    [{ PORT: "seventy" }, "PORT"],
    [{ FLANKS_API_URL: "http://flanks.example.com" }, "FLANKS_API_URL: must be https"],
    [{ FLANKS_LINK_URL: "not a url" }, "FLANKS_LINK_URL"],
    [{ ENCRYPTION_KEY: "short" }, "ENCRYPTION_KEY: must be 32 bytes"],
    [{ NEXTAUTH_SECRET: "tiny" }, "NEXTAUTH_SECRET"],
    [{ FLANKS_JWE: "yes" }, "FLANKS_JWE"],
    [{ SANDBOX_PORT: "70000" }, "SANDBOX_PORT"],
    [{ FIRM_TIME_ZONE: "Europe/Madird" }, "FIRM_TIME_ZONE: must be an IANA time zone"],
    [{ FLANKS_CLIENT_ID: "id" }, "FLANKS_CLIENT_SECRET: required"],
    [{ FLANKS_CLIENT_ID: "id", FLANKS_CLIENT_SECRET: "s" }, "FLANKS_LINK_TOKEN: required"],
    [{ FLANKS_CLIENT_ID: "id", FLANKS_CLIENT_SECRET: "s", FLANKS_LINK_TOKEN: "l" }, "NEXTAUTH_URL: required when FLANKS_CLIENT_ID is set"],
    [{ TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS"],
    [{ RATE_LIMIT_SIGN_IN_PER_ADDRESS: "0" }, "RATE_LIMIT_SIGN_IN_PER_ADDRESS"],
  ])("stops on a wrong value and names the variable: %j", (source, message) => {
    expect(() => parseEnv(source, generated)).toThrow(ConfigError);
    expect(() => parseEnv(source, generated)).toThrow(message);
  });

  it("trusts no proxy by default and knows when the public URL is https", () => {
    const env = parseEnv({}, generated);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    expect(env.isPublicUrlHttps).toBe(false);
    expect(parseEnv({ NEXTAUTH_URL: "https://wealth.example.com", TRUSTED_PROXY_HOPS: "1" }, generated)).toMatchObject({
      isPublicUrlHttps: true,
      TRUSTED_PROXY_HOPS: 1,
    });
  });

  it("allows plain http only on loopback", () => {
    expect(parseEnv({ FLANKS_API_URL: "http://127.0.0.1:4010/" }, generated).flanksApiUrl).toBe("http://127.0.0.1:4010");
    expect(parseEnv({ FLANKS_API_URL: "http://localhost:4010" }, generated).flanksApiUrl).toBe("http://localhost:4010");
    expect(() => parseEnv({ FLANKS_API_URL: "http://127.evil.com" }, generated)).toThrow(ConfigError);
  });
});
