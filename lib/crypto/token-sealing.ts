import { createHmac } from "node:crypto";
import { decryptSecret, encryptSecret, sealedVersionOf } from "./secret-box";

/*
 * How Flanks tokens are sealed at rest, with the key passed in: the app uses it through
 * lib/crypto/credentials-token-vault.ts (key from the environment), the key
 * rotation command (scripts/rotate-encryption-key.ts) with an old and a new key.
 *
 * The additional data binds the kind of token AND the row holding it (v2): a sealed value copied
 * into another connection (or another exchange) does not open there. Values sealed before (v1)
 * bind the kind only; they still open, and `npm run keys:rotate` re-seals them as v2.
 */
export type TSealedPurpose = "credentials_token" | "sca_token" | "reset_token" | "link_code" | "flanks_access_token";

/**
 * The row a sealed value belongs to: the Connection's id (tokens), the LinkCodeExchange's id (link
 * codes), the FlanksAccessToken's id (the app's access token).
 */
export type TSealedRow = { rowId: string };

function additionalData(purpose: TSealedPurpose, rowId: string, version: "v1" | "v2"): string {
  return version === "v1" ? `patrimonio.${purpose}` : `patrimonio.${purpose}:${rowId}`;
}

export function sealTokenWithKey(value: string, purpose: TSealedPurpose, keyBase64: string, { rowId }: TSealedRow): string {
  if (!rowId) throw new Error("A sealed token is bound to its row: rowId is required");
  return encryptSecret(value, keyBase64, additionalData(purpose, rowId, "v2"), "v2");
}

export function openTokenWithKey(sealed: string, purpose: TSealedPurpose, keyBase64: string, { rowId }: TSealedRow): string {
  return decryptSecret(sealed, keyBase64, (version) => additionalData(purpose, rowId, version));
}

/** Sealed in the current format (bound to its row)? The key rotation re-seals the others. */
export function isBoundToRow(sealed: string): boolean {
  return sealedVersionOf(sealed) === "v2";
}

/** A keyed hash to find a connection by its token without decrypting every row. */
export function credentialsTokenHashWithKey(credentialsToken: string, keyBase64: string): string {
  return createHmac("sha256", keyBase64).update(`credentials_token:${credentialsToken}`).digest("hex");
}

export function linkCodeHashWithKey(code: string, keyBase64: string): string {
  return createHmac("sha256", keyBase64).update(`link_code:${code}`).digest("hex");
}
