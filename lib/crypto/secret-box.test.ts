import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("credentials-token-123", key, "connection.credentials_token");
    expect(sealed).not.toContain("credentials-token-123");
    expect(decryptSecret(sealed, key, "connection.credentials_token")).toBe("credentials-token-123");
    expect(encryptSecret("same", key, "p")).not.toBe(encryptSecret("same", key, "p"));
  });

  it("refuses another key, another purpose, or a tampered value", () => {
    const sealed = encryptSecret("secret", key, "a");
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"), "a")).toThrow();
    expect(() => decryptSecret(sealed, key, "b")).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), key, "a")).toThrow();
  });
});
