import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TGeneratedSecrets } from "./parse-env";

const FILE_NAME = "secrets.json";

/** Reads DATA_DIR/secrets.json, creating it (mode 600) on first use. */
export function loadGeneratedSecrets(dataDir: string): TGeneratedSecrets {
  const file = path.resolve(dataDir, FILE_NAME);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<TGeneratedSecrets>;
    if (stored.NEXTAUTH_SECRET && stored.ENCRYPTION_KEY && stored.SANDBOX_CLIENT_SECRET) {
      return stored as TGeneratedSecrets;
    }
  }
  const secrets: TGeneratedSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SANDBOX_CLIENT_SECRET: randomBytes(24).toString("base64url"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  // "wx" so two processes starting together never overwrite each other's keys.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadGeneratedSecrets(dataDir);
    throw error;
  }
  chmodSync(file, 0o600);
  return secrets;
}
