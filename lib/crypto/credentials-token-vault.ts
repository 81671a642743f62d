import "server-only";
import {
  credentialsTokenHashWithKey,
  linkCodeHashWithKey,
  openTokenWithKey,
  sealTokenWithKey,
  type TSealedPurpose,
  type TSealedRow,
} from "@/lib/crypto/token-sealing";
import { getEnv } from "@/lib/env";

/*
 * The only place the app seals and opens Flanks tokens at rest. Each kind of token has its own
 * purpose string, and each value names the row it belongs to (the Connection's id, or the
 * LinkCodeExchange's for a link code), both bound into the ciphertext: a value cannot be swapped
 * between columns nor copied to another row.
 * `npm run keys:rotate` re-seals everything under a new key (lib/crypto/rotate-encryption-key.ts).
 */
export type { TSealedPurpose } from "@/lib/crypto/token-sealing";

export function sealToken(value: string, purpose: TSealedPurpose, row: TSealedRow): string {
  return sealTokenWithKey(value, purpose, getEnv().encryptionKey, row);
}

export function openToken(sealed: string, purpose: TSealedPurpose, row: TSealedRow): string {
  return openTokenWithKey(sealed, purpose, getEnv().encryptionKey, row);
}

/** A keyed hash to find a connection by its token without decrypting every row. */
export function credentialsTokenLookupHash(credentialsToken: string): string {
  return credentialsTokenHashWithKey(credentialsToken, getEnv().encryptionKey);
}

export function linkCodeHash(code: string): string {
  return linkCodeHashWithKey(code, getEnv().encryptionKey);
}
