import "server-only";
import { writeAuditAnchor } from "@/lib/audit/audit-anchor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withLease } from "@/lib/db/with-lease";

/** How often the audit log's tail is written out: a cut of the log's end is detected back to the last anchor. */
export const AUDIT_ANCHOR_EVERY_MS = 5 * 60_000;

/** The scheduler's job: one process at a time writes the anchor (lib/audit/audit-anchor.ts). */
export async function anchorAuditLog(): Promise<void> {
  await withLease("audit-anchor", 60_000, () => writeAuditAnchor(getDb(), getEnv().auditAnchorFile));
}
