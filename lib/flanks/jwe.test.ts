import { compactDecrypt, decodeProtectedHeader, exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { createFlanksClient } from "./client";
import { createFakeFetch, FAKE_API_URL, jsonResponse } from "./test/fake-fetch";
import * as fx from "./test/fixtures/reference-examples";

describe("JWE request bodies (unit, with a local key pair)", () => {
  it("encrypts every body with RSA-OAEP-256 / A256CBC-HS512 and the key's kid, fetching the JWKS once", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RSA-OAEP-256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "flanks-key-1", use: "enc", alg: "RSA-OAEP-256" };
    const decrypted: unknown[] = [];
    const decrypting = async (raw: unknown) => {
      const { plaintext, protectedHeader } = await compactDecrypt(String(raw), privateKey);
      expect(protectedHeader).toMatchObject({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: "flanks-key-1" });
      decrypted.push(JSON.parse(new TextDecoder().decode(plaintext)));
    };
    const fake = createFakeFetch({
      "GET .well-known/jwks.json": () => jsonResponse({ keys: [{ kty: "EC", crv: "P-256", x: "a", y: "b", use: "sig" }, jwk] }),
      "POST v0/token": async ({ body, headers }) => {
        expect(headers.get("content-type")).toBe("application/jose");
        await decrypting(body);
        return jsonResponse(fx.tokenResponse);
      },
      "POST v0/bank/credentials/status": async ({ body, headers }) => {
        expect(headers.get("content-type")).toBe("application/jose");
        expect(decodeProtectedHeader(String(body)).kid).toBe("flanks-key-1");
        await decrypting(body);
        return jsonResponse(fx.credentialsStatus);
      },
    });
    const client = createFlanksClient({ apiUrl: FAKE_API_URL, clientId: "id", clientSecret: "secret-123456", jwe: true, fetch: fake.fetch });
    await Promise.all([client.getStatus("ct-1"), client.getStatus("ct-2")]);
    expect(fake.count("GET .well-known/jwks.json")).toBe(1);
    expect(decrypted).toContainEqual({ client_id: "id", client_secret: "secret-123456", grant_type: "client_credentials" });
    expect(decrypted).toContainEqual({ credentials_token: "ct-2" });
  });
});
