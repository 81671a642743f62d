import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { credentialsTokenHashWithKey, isBoundToRow, linkCodeHashWithKey, openTokenWithKey, sealTokenWithKey, type TSealedPurpose } from "./token-sealing";

/*
 * Re-encrypts every token sealed at rest under a new ENCRYPTION_KEY (`npm run keys:rotate`).
 *
 * - It also moves every value to the current format, bound to its row (v2, lib/crypto/token-sealing.ts):
 *   a value still sealed as v1 (bound to its kind only) is re-sealed even when already under the new key.
 * - Each row is rewritten in one UPDATE (its sealed columns and its keyed lookup hash together),
 *   guarded by the values read, so a row is entirely under the old key or entirely under the new.
 * - A value is opened with the NEW key first, then the old: a second run, or a run resumed after a
 *   crash, skips what is done. A crash at any point leaves every row readable with one of the two keys.
 * - Hashes: Connection.credentialsTokenHash is recomputed from the decrypted token.
 *   LinkCodeExchange.codeHash is recomputed only where the code is still kept sealed (codeEnc, i.e.
 *   exchanges waiting for a retry); the codes of finished exchanges are not kept, so their hashes stay
 *   under the old key. Consequence: a callback repeating an already exchanged code after a rotation
 *   is not recognised as a repeat; it is exchanged again, Flanks answers "code already used", and
 *   the end user sees the "link no longer valid" page. No duplicate connection can result (the
 *   credentials token's own hash is unique).
 */

export type TKeyRotationReport = {
  connections: { total: number; resealed: number; alreadyNew: number };
  linkCodes: { total: number; resealed: number; alreadyNew: number; hashNotRecomputable: number };
  /** Rows with a value neither key opens (already unreadable before the rotation). Left as they are. */
  unreadable: string[];
};

/** `isCurrent`: under the new key and bound to its row, nothing to do. */
type TOpened = { plain: string; isCurrent: boolean } | null;

function openEither(sealed: string, purpose: TSealedPurpose, rowId: string, oldKey: string, newKey: string): TOpened {
  try {
    return { plain: openTokenWithKey(sealed, purpose, newKey, { rowId }), isCurrent: isBoundToRow(sealed) };
  } catch {
    try {
      return { plain: openTokenWithKey(sealed, purpose, oldKey, { rowId }), isCurrent: false };
    } catch {
      return null;
    }
  }
}

const BATCH = 200;

/** The database part: re-seals every token and recomputes the lookup hashes it can. */
export async function reencryptTokens(
  db: PrismaClient,
  keys: { oldKey: string; newKey: string },
  /** Called after each row is written: tests use it to simulate a crash halfway. */
  afterRow?: (table: "Connection" | "LinkCodeExchange", id: string) => void,
): Promise<TKeyRotationReport> {
  const { oldKey, newKey } = keys;
  const report: TKeyRotationReport = {
    connections: { total: 0, resealed: 0, alreadyNew: 0 },
    linkCodes: { total: 0, resealed: 0, alreadyNew: 0, hashNotRecomputable: 0 },
    unreadable: [],
  };

  for (let cursor: string | undefined; ;) {
    const rows = await db.connection.findMany({
      select: { id: true, credentialsTokenEnc: true, credentialsTokenHash: true, scaTokenEnc: true, resetTokenEnc: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    for (const row of rows) {
      report.connections.total += 1;
      const data: { credentialsTokenEnc?: string; credentialsTokenHash?: string; scaTokenEnc?: string; resetTokenEnc?: string } = {};
      let isBroken = false;
      const reseal = (column: "credentialsTokenEnc" | "scaTokenEnc" | "resetTokenEnc", purpose: TSealedPurpose): string | null => {
        const sealed = row[column];
        if (!sealed) return null;
        const opened = openEither(sealed, purpose, row.id, oldKey, newKey);
        if (!opened) {
          isBroken = true;
          return null;
        }
        if (!opened.isCurrent) data[column] = sealTokenWithKey(opened.plain, purpose, newKey, { rowId: row.id });
        return opened.plain;
      };
      const credentialsToken = reseal("credentialsTokenEnc", "credentials_token");
      reseal("scaTokenEnc", "sca_token");
      reseal("resetTokenEnc", "reset_token");
      if (credentialsToken !== null) {
        const hash = credentialsTokenHashWithKey(credentialsToken, newKey);
        if (hash !== row.credentialsTokenHash) data.credentialsTokenHash = hash;
      }
      if (isBroken) report.unreadable.push(`Connection ${row.id}`);
      if (Object.keys(data).length === 0) {
        if (!isBroken) report.connections.alreadyNew += 1;
        continue;
      }
      // Guarded by what was read: a row the app changed meanwhile is left for the next run.
      const written = await db.connection.updateMany({
        where: { id: row.id, credentialsTokenEnc: row.credentialsTokenEnc, scaTokenEnc: row.scaTokenEnc, resetTokenEnc: row.resetTokenEnc },
        data,
      });
      if (written.count === 1) report.connections.resealed += 1;
      else report.unreadable.push(`Connection ${row.id} (changed during the rotation: run the command again)`);
      afterRow?.("Connection", row.id);
    }
  }

  for (let cursor: string | undefined; ;) {
    const rows = await db.linkCodeExchange.findMany({
      select: { id: true, codeEnc: true, codeHash: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    for (const row of rows) {
      report.linkCodes.total += 1;
      if (!row.codeEnc) {
        report.linkCodes.hashNotRecomputable += 1;
        continue;
      }
      const opened = openEither(row.codeEnc, "link_code", row.id, oldKey, newKey);
      if (!opened) {
        report.unreadable.push(`LinkCodeExchange ${row.id}`);
        continue;
      }
      const data: { codeEnc?: string; codeHash?: string } = {};
      if (!opened.isCurrent) data.codeEnc = sealTokenWithKey(opened.plain, "link_code", newKey, { rowId: row.id });
      const hash = linkCodeHashWithKey(opened.plain, newKey);
      if (hash !== row.codeHash) data.codeHash = hash;
      if (Object.keys(data).length === 0) {
        report.linkCodes.alreadyNew += 1;
        continue;
      }
      const written = await db.linkCodeExchange.updateMany({ where: { id: row.id, codeEnc: row.codeEnc }, data });
      if (written.count === 1) report.linkCodes.resealed += 1;
      else report.unreadable.push(`LinkCodeExchange ${row.id} (changed during the rotation: run the command again)`);
      afterRow?.("LinkCodeExchange", row.id);
    }
  }
  return report;
}

export function isValidEncryptionKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").length === 32;
}

type TSecretsFile = Record<string, string> & { ENCRYPTION_KEY: string };

function readSecrets(file: string): TSecretsFile {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  if (typeof parsed.ENCRYPTION_KEY !== "string") throw new Error(`${file} has no ENCRYPTION_KEY`);
  return parsed as TSecretsFile;
}

/** Replaces the file in one rename, so a crash never leaves it half written; mode 600 like the original. */
function writeSecrets(file: string, secrets: Record<string, string>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

export type TRotateOptions = {
  db: PrismaClient;
  dataDir: string;
  /** ENCRYPTION_KEY as configured in the environment, if it is (then the operator changes it). */
  configuredKey: string | undefined;
  /** NEW_ENCRYPTION_KEY: required when the key is configured; optional (else generated) otherwise. */
  newKey: string | undefined;
  log: (line: string) => void;
};

export type TRotateOutcome = TKeyRotationReport & { keySource: "generated" | "configured" };

/**
 * The whole command. With a generated key (DATA_DIR/secrets.json) the new key is first written
 * there as ENCRYPTION_KEY_NEXT (so a crashed run resumes with the same key), the rows are
 * re-encrypted, then ENCRYPTION_KEY becomes the new key and the old one is forgotten. With a
 * configured ENCRYPTION_KEY, the operator gives NEW_ENCRYPTION_KEY and sets it as ENCRYPTION_KEY
 * afterwards. Run it with the app stopped.
 */
export async function rotateEncryptionKey(options: TRotateOptions): Promise<TRotateOutcome> {
  const { db, log } = options;
  if (options.newKey !== undefined && !isValidEncryptionKey(options.newKey)) {
    throw new Error("NEW_ENCRYPTION_KEY must be 32 bytes in base64 (44 characters, e.g. `openssl rand -base64 32`)");
  }
  if (options.configuredKey !== undefined) {
    if (options.newKey === undefined) {
      throw new Error(
        "ENCRYPTION_KEY is set in the environment: give the new key as NEW_ENCRYPTION_KEY (e.g. `NEW_ENCRYPTION_KEY=$(openssl rand -base64 32) npm run keys:rotate`).",
      );
    }
    const report = await reencryptTokens(db, { oldKey: options.configuredKey, newKey: options.newKey });
    log("Every token is now sealed with NEW_ENCRYPTION_KEY. Set ENCRYPTION_KEY to that value (replacing the old one) and start the app.");
    return { ...report, keySource: "configured" };
  }

  const file = path.resolve(options.dataDir, "secrets.json");
  if (!existsSync(file)) throw new Error(`${file} does not exist: nothing was ever encrypted with a generated key.`);
  const secrets = readSecrets(file);
  const oldKey = secrets.ENCRYPTION_KEY;
  let newKey = secrets.ENCRYPTION_KEY_NEXT;
  if (newKey !== undefined && !isValidEncryptionKey(newKey)) throw new Error(`${file}: ENCRYPTION_KEY_NEXT is not a valid key`);
  if (newKey !== undefined) {
    log("Resuming an unfinished rotation (ENCRYPTION_KEY_NEXT in secrets.json).");
    if (options.newKey !== undefined && options.newKey !== newKey)
      throw new Error("An unfinished rotation to another key is pending: run without NEW_ENCRYPTION_KEY to finish it first.");
  } else {
    newKey = options.newKey ?? randomBytes(32).toString("base64");
    writeSecrets(file, { ...secrets, ENCRYPTION_KEY_NEXT: newKey });
  }
  const report = await reencryptTokens(db, { oldKey, newKey });
  const { ENCRYPTION_KEY_NEXT: _pending, ...rest } = readSecrets(file);
  writeSecrets(file, { ...rest, ENCRYPTION_KEY: newKey });
  log(`${file}: ENCRYPTION_KEY replaced by the new key. Start the app.`);
  return { ...report, keySource: "generated" };
}
