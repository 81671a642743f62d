import "server-only";
import { createHmac } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";

/*
 * The only place that seals and opens Flanks tokens at rest. Each kind of token has its own
 * purpose string, bound into the ciphertext, so a value cannot be swapped between columns.
 */
export type TSealedPurpose = "credentials_token" | "sca_token" | "reset_token" | "link_code";

export function sealToken(value: string, purpose: TSealedPurpose): string {
  return encryptSecret(value, getEnv().encryptionKey, `patrimonio.${purpose}`);
}

export function openToken(sealed: string, purpose: TSealedPurpose): string {
  return decryptSecret(sealed, getEnv().encryptionKey, `patrimonio.${purpose}`);
}

/** A keyed hash to find a connection by its token without decrypting every row. */
export function credentialsTokenLookupHash(credentialsToken: string): string {
  return createHmac("sha256", getEnv().encryptionKey).update(`credentials_token:${credentialsToken}`).digest("hex");
}

export function linkCodeHash(code: string): string {
  return createHmac("sha256", getEnv().encryptionKey).update(`link_code:${code}`).digest("hex");
}
