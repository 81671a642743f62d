import { createHmac } from "node:crypto";
import { decryptSecret, encryptSecret } from "./secret-box";

/*
 * How Flanks tokens are sealed at rest, with the key passed in: the app uses it through
 * lib/services/connections/credentials-token-vault.ts (key from the environment), the key
 * rotation command (scripts/rotate-encryption-key.ts) with an old and a new key.
 */
export type TSealedPurpose = "credentials_token" | "sca_token" | "reset_token" | "link_code";

export function sealTokenWithKey(value: string, purpose: TSealedPurpose, keyBase64: string): string {
  return encryptSecret(value, keyBase64, `patrimonio.${purpose}`);
}

export function openTokenWithKey(sealed: string, purpose: TSealedPurpose, keyBase64: string): string {
  return decryptSecret(sealed, keyBase64, `patrimonio.${purpose}`);
}

/** A keyed hash to find a connection by its token without decrypting every row. */
export function credentialsTokenHashWithKey(credentialsToken: string, keyBase64: string): string {
  return createHmac("sha256", keyBase64).update(`credentials_token:${credentialsToken}`).digest("hex");
}

export function linkCodeHashWithKey(code: string, keyBase64: string): string {
  return createHmac("sha256", keyBase64).update(`link_code:${code}`).digest("hex");
}
