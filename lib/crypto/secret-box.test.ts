import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";
import { openTokenWithKey, sealTokenWithKey } from "./token-sealing";

const key = randomBytes(32).toString("base64");
const aad = (purpose: string) => () => purpose;

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("credentials-token-123", key, "connection.credentials_token", "v2");
    expect(sealed).not.toContain("credentials-token-123");
    expect(decryptSecret(sealed, key, aad("connection.credentials_token"))).toBe("credentials-token-123");
    expect(encryptSecret("same", key, "p", "v2")).not.toBe(encryptSecret("same", key, "p", "v2"));
  });

  it("refuses another key, another purpose, or a tampered value", () => {
    const sealed = encryptSecret("secret", key, "a", "v2");
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"), aad("a"))).toThrow();
    expect(() => decryptSecret(sealed, key, aad("b"))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key, aad("a"))).toThrow();
  });

  it("refuses a shortened authentication tag (GCM would otherwise check only its first bytes)", () => {
    const parts = encryptSecret("secret", key, "a", "v2").split(".");
    for (const bytes of [4, 8, 12, 15]) {
      const short = [...parts.slice(0, 2), Buffer.from(parts[2]!, "base64url").subarray(0, bytes).toString("base64url"), parts[3]].join(".");
      expect(() => decryptSecret(short, key, aad("a"))).toThrow("Not a sealed secret");
    }
  });
});

describe("sealed tokens name their row", () => {
  it("open in their own row only: a token copied to another connection fails", () => {
    const sealed = sealTokenWithKey("credentials-token-123", "credentials_token", key, { rowId: "connection-a" });
    expect(openTokenWithKey(sealed, "credentials_token", key, { rowId: "connection-a" })).toBe("credentials-token-123");
    expect(() => openTokenWithKey(sealed, "credentials_token", key, { rowId: "connection-b" })).toThrow();
    expect(() => openTokenWithKey(sealed, "sca_token", key, { rowId: "connection-a" })).toThrow();
  });

  it("still open when sealed before the row binding (v1, the kind of token only)", () => {
    const legacy = encryptSecret("old-token", key, "patrimonio.credentials_token", "v1");
    expect(openTokenWithKey(legacy, "credentials_token", key, { rowId: "any" })).toBe("old-token");
    expect(() => openTokenWithKey(legacy, "sca_token", key, { rowId: "any" })).toThrow();
  });
});
