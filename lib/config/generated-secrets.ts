import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TGeneratedSecrets } from "./parse-env";

const FILE_NAME = "secrets.json";

const GENERATORS: { [K in keyof TGeneratedSecrets]: () => string } = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  SANDBOX_CLIENT_SECRET: () => randomBytes(24).toString("base64url"),
  AUDIT_KEY: () => randomBytes(32).toString("base64url"),
};
const NAMES = Object.keys(GENERATORS) as (keyof TGeneratedSecrets)[];

function isComplete(stored: Partial<TGeneratedSecrets>): stored is TGeneratedSecrets {
  return NAMES.every((name) => typeof stored[name] === "string" && stored[name] !== "");
}

function generated(): TGeneratedSecrets {
  return Object.fromEntries(NAMES.map((name) => [name, GENERATORS[name]()])) as TGeneratedSecrets;
}

/**
 * Reads DATA_DIR/secrets.json, creating it (mode 600) on first use. A file from an older version
 * that lacks a secret added since (AUDIT_KEY) gets it added; a secret already there is never
 * replaced (a new ENCRYPTION_KEY would make every sealed token unreadable).
 */
export function loadGeneratedSecrets(dataDir: string): TGeneratedSecrets {
  const file = path.resolve(dataDir, FILE_NAME);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<TGeneratedSecrets>;
    if (isComplete(stored)) return stored;
    return addMissingSecrets(file);
  }
  const secrets = generated();
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

const LOCK_STALE_MS = 10_000;

/** Under a lock file, so two processes upgrading the file at once agree on one new value. */
function addMissingSecrets(file: string): TGeneratedSecrets {
  const lock = `${file}.lock`;
  for (let waited = 0; ; waited += 50) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a process that died while holding it.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      if (waited > 2 * LOCK_STALE_MS) throw new Error(`${lock} is held: remove it if no Patrimonio process is starting`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    const secrets = { ...stored };
    for (const name of NAMES) if (typeof secrets[name] !== "string" || secrets[name] === "") secrets[name] = GENERATORS[name]();
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    renameSync(temporary, file);
    return secrets as TGeneratedSecrets;
  } finally {
    rmSync(lock, { force: true });
  }
}
