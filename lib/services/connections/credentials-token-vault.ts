import "server-only";
import { credentialsTokenHashWithKey, linkCodeHashWithKey, openTokenWithKey, sealTokenWithKey, type TSealedPurpose } from "@/lib/crypto/token-sealing";
import { getEnv } from "@/lib/env";

/*
 * The only place the app seals and opens Flanks tokens at rest. Each kind of token has its own
 * purpose string, bound into the ciphertext, so a value cannot be swapped between columns.
 * `npm run keys:rotate` re-seals everything under a new key (lib/crypto/rotate-encryption-key.ts).
 */
export type { TSealedPurpose } from "@/lib/crypto/token-sealing";

export function sealToken(value: string, purpose: TSealedPurpose): string {
  return sealTokenWithKey(value, purpose, getEnv().encryptionKey);
}

export function openToken(sealed: string, purpose: TSealedPurpose): string {
  return openTokenWithKey(sealed, purpose, getEnv().encryptionKey);
}

/** A keyed hash to find a connection by its token without decrypting every row. */
export function credentialsTokenLookupHash(credentialsToken: string): string {
  return credentialsTokenHashWithKey(credentialsToken, getEnv().encryptionKey);
}

export function linkCodeHash(code: string): string {
  return linkCodeHashWithKey(code, getEnv().encryptionKey);
}
