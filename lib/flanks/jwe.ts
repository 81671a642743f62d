import { CompactEncrypt, importJWK, type JWK } from "jose";

export const JWE_ALG = "RSA-OAEP-256";
export const JWE_ENC = "A256CBC-HS512";
export const JWE_CONTENT_TYPE = "application/jose";

export type TJweEncryptor = {
  /** The compact JWE of a JSON body, for `Content-Type: application/jose`. */
  encrypt(body: unknown): Promise<string>;
};

type TChosenKey = { kid: string | undefined; key: CryptoKey | Uint8Array };

/** The first RSA key meant for encryption with our algorithm (or that does not say). */
export function chooseEncryptionKey(keys: JWK[]): JWK | undefined {
  return keys.find(
    (key) =>
      key.kty === "RSA" &&
      (key.use === undefined || key.use === "enc") &&
      (key.alg === undefined || key.alg === JWE_ALG) &&
      (key.key_ops === undefined || key.key_ops.includes("encrypt") || key.key_ops.includes("wrapKey")),
  );
}

/**
 * Fetches Flanks' JWKS once (the key set rarely changes) and encrypts each body with a fresh
 * content key, as the reference's example does. A failed fetch is not cached, so the next call retries.
 */
export function createJweEncryptor(loadJwks: () => Promise<{ keys: JWK[] }>): TJweEncryptor {
  let chosen: Promise<TChosenKey> | undefined;

  const getKey = () => {
    chosen ??= (async () => {
      const jwks = await loadJwks();
      const jwk = chooseEncryptionKey(jwks.keys);
      if (!jwk) throw new Error(`no RSA encryption key for ${JWE_ALG} in the JWKS`);
      return { kid: jwk.kid, key: await importJWK(jwk, JWE_ALG) };
    })().catch((error: unknown) => {
      chosen = undefined;
      throw error;
    });
    return chosen;
  };

  return {
    async encrypt(body) {
      const { kid, key } = await getKey();
      const plaintext = new TextEncoder().encode(JSON.stringify(body));
      return new CompactEncrypt(plaintext).setProtectedHeader({ alg: JWE_ALG, enc: JWE_ENC, typ: "JWE", ...(kid ? { kid } : {}) }).encrypt(key);
    },
  };
}
