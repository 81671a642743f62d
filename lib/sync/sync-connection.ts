import "server-only";
import { getDb } from "@/lib/db";
import { getSyncWriteDb } from "./sync-write-db";
import { getEnv } from "@/lib/env";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { withLease } from "@/lib/db/with-lease";
import { openToken } from "@/lib/crypto/credentials-token-vault";
import { createSyncer, type TSyncReason, type TSyncResult } from "./sync-core";

export type { TSyncReason, TSyncResult } from "./sync-core";

let syncer: ReturnType<typeof createSyncer> | undefined;

function getSyncer() {
  syncer ??= createSyncer({
    db: getDb(),
    writeDb: getSyncWriteDb(),
    flanks: getFlanksClient(),
    openCredentialsToken: (sealed, connectionId) => openToken(sealed, "credentials_token", { rowId: connectionId }),
    lease: withLease,
    timeZone: getEnv().FIRM_TIME_ZONE,
  });
  return syncer;
}

/**
 * Fetches every product of one connection from Flanks and replaces its stored data in one
 * transaction (see sync-core.ts). Two syncs of one connection at once: one runs, the other
 * returns `{ status: "SKIPPED", reason: "already-running" }`. Never throws for a Flanks or
 * database failure: the SyncRun row records it and the result says FAILED.
 */
export function syncConnection(
  connectionId: string,
  options: { reason: TSyncReason; requestedById?: string | null } = { reason: "manual" },
): Promise<TSyncResult> {
  return getSyncer().syncConnection(connectionId, options);
}
