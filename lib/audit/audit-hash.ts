import { createHash } from "node:crypto";

export const AUDIT_GENESIS_HASH = "genesis";

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

/** Each row's hash covers its content and the previous row's hash, so an edited or removed row breaks the chain. */
export function computeAuditHash(row: TAuditHashInput): string {
  const canonical = JSON.stringify([
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
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Returns the id of the first row whose link or hash is wrong, or null when the chain holds.
 * `previousHash` continues a chain checked in batches (the hash of the last row already checked).
 */
export function findFirstBrokenAuditRow(rows: Iterable<TAuditHashInput & { id: number; hash: string }>, previousHash = AUDIT_GENESIS_HASH): number | null {
  let expectedPrev = previousHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev || computeAuditHash(row) !== row.hash) return row.id;
    expectedPrev = row.hash;
  }
  return null;
}
