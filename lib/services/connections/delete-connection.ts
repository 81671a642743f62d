import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { purgeDeletedSearchEntries } from "@/lib/services/wealth/purge-search-index";
import { openToken } from "./credentials-token-vault";

/**
 * Deletes the credentials at Flanks, then erases every row Patrimonio kept for the connection
 * (its data tables cascade from it); only the audit entry remains. If Flanks cannot be reached,
 * nothing is erased, so the credentials are never orphaned at Flanks without us knowing.
 */
export async function deleteConnection(
  actor: TSessionUser,
  connectionId: string,
  action: "connection.disconnect" | "connection.delete",
  // A client's erasure deletes every connection, then purges the search index once.
  { purgeSearchIndex = true }: { purgeSearchIndex?: boolean } = {},
): Promise<void> {
  const db = getDb();
  const connection = await db.connection.findUnique({ where: { id: connectionId }, include: { client: { select: { advisorId: true } } } });
  if (!connection) throw new AppError("NOT_FOUND", "Connection not found");
  assertClientAccess(actor, connection.client);
  if (connection.credentialsTokenEnc) {
    try {
      await getFlanksClient().deleteCredentials(openToken(connection.credentialsTokenEnc, "credentials_token"));
    } catch (error) {
      // Already gone at Flanks is fine; anything else stops the erasure.
      if (!(isFlanksError(error) && error.kind === "not_found")) throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
    }
  }
  await db.$transaction(async (tx) => {
    await tx.linkCodeExchange.updateMany({ where: { connectionId }, data: { connectionId: null, codeEnc: null } });
    await tx.connection.delete({ where: { id: connectionId } });
    // The sync lock named after it is a row about it too.
    await tx.lease.deleteMany({ where: { name: `sync:${connectionId}` } });
    await recordAuditEvent({ actor, action, target: { type: "connection", id: connectionId }, details: { clientId: connection.clientId, bank: connection.bank } }, tx);
  });
  if (purgeSearchIndex) await purgeDeletedSearchEntries(db);
}
