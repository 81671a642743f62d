// The sandbox's own RSA key for JWE request bodies: generated once, persisted in the state,
// its public half served at .well-known/jwks.json as Flanks serves its key set.
import { generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint, compactDecrypt, decodeProtectedHeader, importJWK, type JWK } from "jose";
import type { TSandboxStore } from "./state";

export const JWE_ALG = "RSA-OAEP-256";
export const JWE_ENC = "A256CBC-HS512";

export type TJweKeys = {
  jwks(): Promise<{ keys: JWK[] }>;
  /** Decrypts a compact JWE and returns its plaintext; throws JweError on anything wrong. */
  decrypt(compact: string): Promise<string>;
};

export class JweError extends Error {}

export function createJweKeys(store: TSandboxStore): TJweKeys {
  let ready: Promise<{ kid: string; publicJwk: JWK; privateKey: CryptoKey }> | null = null;

  const ensure = (): Promise<{ kid: string; publicJwk: JWK; privateKey: CryptoKey }> => {
    // Generated lazily: most test sandboxes never need a key, and 2048-bit generation is not free.
    ready ??= (async () => {
      let stored = store.state.key;
      if (!stored) {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
        const privateJwk = privateKey.export({ format: "jwk" }) as Record<string, unknown>;
        const kid = await calculateJwkThumbprint({ kty: "RSA", n: String(privateJwk.n), e: String(privateJwk.e) });
        stored = { privateJwk, kid };
        store.state.key = stored;
        store.save();
      }
      const jwk = stored.privateJwk as JWK;
      const publicJwk: JWK = { kty: "RSA", n: jwk.n, e: jwk.e, kid: stored.kid, alg: JWE_ALG, use: "enc" };
      const privateKey = (await importJWK({ ...jwk, alg: JWE_ALG }, JWE_ALG)) as CryptoKey;
      return { kid: stored.kid, publicJwk, privateKey };
    })();
    return ready;
  };

  return {
    async jwks() {
      const { publicJwk } = await ensure();
      return { keys: [publicJwk] };
    },
    async decrypt(compact) {
      const { kid, privateKey } = await ensure();
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(compact.trim());
      } catch {
        throw new JweError("Body is not a compact JWE");
      }
      if (header.alg !== JWE_ALG || header.enc !== JWE_ENC) throw new JweError(`JWE must use ${JWE_ALG} with ${JWE_ENC}`);
      if (header.kid !== undefined && header.kid !== kid) throw new JweError("Unknown JWE key id (kid)");
      try {
        const { plaintext } = await compactDecrypt(compact.trim(), privateKey, {
          keyManagementAlgorithms: [JWE_ALG],
          contentEncryptionAlgorithms: [JWE_ENC],
        });
        return new TextDecoder().decode(plaintext);
      } catch {
        throw new JweError("JWE could not be decrypted");
      }
    },
  };
}
