import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { eraseRowsNaming } from "@/lib/db/erase-rows-naming";
import { flushErasureToDisk } from "@/lib/db/flush-erasure";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { purgeDeletedSearchEntries } from "@/lib/wealth/purge-search-index";
import { openToken } from "@/lib/crypto/credentials-token-vault";
import { forgetConnectionInReviews } from "@/lib/services/reviews/forget-connection-in-reviews";

/**
 * Deletes the credentials at Flanks, then erases every row Patrimonio kept for the connection
 * (every table with its `connectionId`, lib/db/erase-rows-naming.ts, besides the cascades); only
 * the audit entry remains. The re-authentication (SCA / reset) invitations of the connection go
 * with it, and the link codes exchanged for them too; the connect invitation's exchanges stay
 * (they belong to the client) without the connection's id. Then the erased pages are flushed out
 * of the WAL (lib/db/flush-erasure.ts). If Flanks cannot be reached, nothing is erased, so the
 * credentials are never orphaned at Flanks without us knowing.
 */
export async function deleteConnection(
  actor: TSessionUser,
  connectionId: string,
  action: "connection.disconnect" | "connection.delete",
  // A client's erasure deletes every connection, then purges the search index and flushes the WAL once.
  { isPartOfClientErasure = false }: { isPartOfClientErasure?: boolean } = {},
): Promise<void> {
  const db = getDb();
  const connection = await db.connection.findUnique({ where: { id: connectionId }, include: { client: { select: { advisorId: true } } } });
  if (!connection) throw new AppError("NOT_FOUND", "Connection not found");
  assertClientAccess(actor, connection.client);
  if (connection.credentialsTokenEnc) {
    try {
      await getFlanksClient().deleteCredentials(openToken(connection.credentialsTokenEnc, "credentials_token", { rowId: connection.id }));
    } catch (error) {
      // Already gone at Flanks is fine; anything else stops the erasure.
      if (!(isFlanksError(error) && error.kind === "not_found")) throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
    }
  }
  await db.$transaction(async (tx) => {
    const reauthentications = await tx.invitation.findMany({ where: { connectionId }, select: { id: true } });
    await tx.linkCodeExchange.deleteMany({ where: { invitationId: { in: reauthentications.map((invitation) => invitation.id) } } });
    await tx.linkCodeExchange.updateMany({ where: { connectionId }, data: { connectionId: null, codeEnc: null } });
    await eraseRowsNaming(tx, "connectionId", connectionId, ["LinkCodeExchange"]);
    // Past reviews hold copies of its figures (docs/decisions/053).
    await forgetConnectionInReviews(tx, connection.clientId, connectionId);
    await tx.connection.delete({ where: { id: connectionId } });
    // The sync lock named after it is a row about it too.
    await tx.lease.deleteMany({ where: { name: `sync:${connectionId}` } });
    await recordAuditEvent(
      { actor, action, target: { type: "connection", id: connectionId }, details: { clientId: connection.clientId, bank: connection.bank } },
      tx,
    );
  });
  if (!isPartOfClientErasure) {
    await purgeDeletedSearchEntries(db);
    await flushErasureToDisk(getEnv().databaseUrl);
  }
}
