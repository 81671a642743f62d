import { createHash, createHmac } from "node:crypto";

export const AUDIT_GENESIS_HASH = "genesis";

/** The event written where a chain that began unkeyed continues keyed (lib/audit/record-audit-event.ts). */
export const AUDIT_CHAIN_KEYED_ACTION = "audit.chain_keyed";

export type TAuditHashInput = {
  prevHash: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: string;
};

export type TAuditRow = TAuditHashInput & { id: number; hash: string };

function canonical(row: TAuditHashInput): string {
  return JSON.stringify([
    row.prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorEmail,
    row.action,
    row.targetType,
    row.targetId,
    row.requestId,
    row.details,
  ]);
}

/**
 * Each row's hash covers its content and the previous row's hash, keyed with AUDIT_KEY
 * (HMAC-SHA-256): an edited or removed row breaks the chain, and without the key — which is not in
 * the database — nobody can compute a chain that verifies, so a rewritten log is caught too.
 */
export function computeAuditHash(row: TAuditHashInput, auditKey: string): string {
  return createHmac("sha256", auditKey)
    .update(`patrimonio.audit:${canonical(row)}`)
    .digest("hex");
}

/**
 * The unkeyed SHA-256 of the events written before the chain was keyed. Anyone who can write the
 * file can recompute it, so it is accepted only for a prefix that a keyed event then seals (its
 * prevHash, under the key, pins the last unkeyed hash and with it every row before).
 */
export function computeUnkeyedAuditHash(row: TAuditHashInput): string {
  return createHash("sha256").update(canonical(row)).digest("hex");
}

/** Where a chain check has got to, so a long log is checked in batches. */
export type TAuditChainCursor = { expectedPrev: string; keyedFromId: number | null; unkeyedCount: number };

export const AUDIT_CHAIN_START: TAuditChainCursor = { expectedPrev: AUDIT_GENESIS_HASH, keyedFromId: null, unkeyedCount: 0 };

/**
 * Checks `rows` (in id order) from `cursor`. Returns the id of the first row whose link or hash is
 * wrong, or the cursor to continue from. An unkeyed row is accepted only before the first keyed
 * one; whether the chain holds a keyed row at all is the caller's verdict (lib/audit/verify-audit-chain.ts).
 */
export function checkAuditRows(
  rows: Iterable<TAuditRow>,
  auditKey: string,
  cursor: TAuditChainCursor = AUDIT_CHAIN_START,
): { brokenId: number } | { cursor: TAuditChainCursor } {
  let { expectedPrev, keyedFromId, unkeyedCount } = cursor;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) return { brokenId: row.id };
    if (computeAuditHash(row, auditKey) === row.hash) {
      keyedFromId ??= row.id;
    } else if (keyedFromId === null && computeUnkeyedAuditHash(row) === row.hash) {
      unkeyedCount += 1;
    } else {
      return { brokenId: row.id };
    }
    expectedPrev = row.hash;
  }
  return { cursor: { expectedPrev, keyedFromId, unkeyedCount } };
}
