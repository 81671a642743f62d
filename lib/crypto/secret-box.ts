import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * The formats of a sealed value, `<version>.<iv>.<tag>.<ciphertext>` (base64url). Both are
 * AES-256-GCM with a 12-byte IV and a 16-byte tag; they differ in what the caller binds as
 * additional data (lib/crypto/token-sealing.ts): v1 only the kind of token, v2 also the row.
 */
export const SEALED_VERSIONS = ["v1", "v2"] as const;
export type TSealedVersion = (typeof SEALED_VERSIONS)[number];

const IV_BYTES = 12;
/** Fixed: without it `setAuthTag` accepts a tag as short as 4 bytes, and a forger has 2^32 tries, not 2^128. */
const TAG_BYTES = 16;

export function encryptSecret(plaintext: string, keyBase64: string, additionalData: string, version: TSealedVersion): string {
  const key = decodeKey(keyBase64);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(additionalData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The version of a sealed value, or null when it is not one. */
export function sealedVersionOf(sealed: string): TSealedVersion | null {
  const version = sealed.slice(0, sealed.indexOf("."));
  return (SEALED_VERSIONS as readonly string[]).includes(version) ? (version as TSealedVersion) : null;
}

/** `additionalData` is asked for once the version is known, since it depends on it. */
export function decryptSecret(sealed: string, keyBase64: string, additionalData: (version: TSealedVersion) => string): string {
  const parts = sealed.split(".");
  const version = sealedVersionOf(sealed);
  if (parts.length !== 4 || !version) throw new Error("Not a sealed secret");
  const iv = Buffer.from(parts[1]!, "base64url");
  const tag = Buffer.from(parts[2]!, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", decodeKey(keyBase64), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(additionalData(version)));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(parts[3]!, "base64url")), decipher.final()]).toString("utf8");
}

function decodeKey(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error("Encryption key must be 32 bytes");
  return key;
}
