import { randomBytes } from "node:crypto";
import type { TGeneratedSecrets } from "../../lib/config/parse-env";

export const ENCRYPTION_KEY_MARKER = "CANARY-ENCKEY-";

export type TCanarySecrets = {
  /** Written as DATA_DIR/secrets.json, so the app uses them as its generated secrets. */
  secrets: TGeneratedSecrets;
  /** The ASCII start of the raw 32-byte encryption key. */
  encryptionKeyMarker: string;
  /** SANDBOX_TOKEN_PREFIX: every credentials_token and access token the sandbox issues starts with it. */
  tokenPrefix: string;
};

/**
 * Secrets for the end-to-end server that are recognisable anywhere they might leak (HTML, the React
 * payload, JSON, bundles, logs, the database file) and unique to one run, so a match is never a
 * coincidence. e2e/secret-canaries.exclusive.spec.ts searches for them.
 */
export function makeCanarySecrets(): TCanarySecrets {
  const run = randomBytes(6).toString("hex");
  const key = Buffer.concat([Buffer.from(ENCRYPTION_KEY_MARKER, "ascii"), randomBytes(32 - ENCRYPTION_KEY_MARKER.length)]);
  return {
    secrets: {
      NEXTAUTH_SECRET: `canary-nextauth-${run}-${randomBytes(16).toString("hex")}`,
      ENCRYPTION_KEY: key.toString("base64"),
      SANDBOX_CLIENT_SECRET: `canary-client-secret-${run}-${randomBytes(8).toString("hex")}`,
      AUDIT_KEY: `canary-audit-key-${run}-${randomBytes(16).toString("hex")}`,
    },
    encryptionKeyMarker: ENCRYPTION_KEY_MARKER,
    tokenPrefix: `canarytok${run}`,
  };
}
