import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { eraseRowsNaming } from "@/lib/db/erase-rows-naming";
import { flushErasureToDisk } from "@/lib/db/flush-erasure";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { deleteConnection } from "@/lib/services/connections/delete-connection";
import { forgetHouseholdWealthOf } from "@/lib/services/households/get-household-wealth";
import { forgetWealthOverview } from "@/lib/services/wealth/get-wealth-overview";
import { purgeDeletedSearchEntries } from "@/lib/wealth/purge-search-index";

export type TDeletedClient = { connectionsDeleted: number };

/**
 * Erasure of a client (admins only): each connection's credentials are deleted at Flanks and its
 * rows erased (deleteConnection: one `connection.delete` audit entry each; its wealth data, sync
 * runs and snapshots cascade), then every remaining row of the client — invitations, the link
 * codes exchanged for them, every row of any table with its `clientId`, its refresh cooldown, the
 * client itself — goes in one transaction with a `client.delete` audit entry. Audit entries are
 * append-only and stay. The link codes are found through the invitations listed BEFORE the
 * connections go: a re-authentication invitation is deleted with its connection.
 *
 * The database runs with secure_delete (lib/db/writer-pragmas.ts), so the erased rows are zeroed
 * in the file; at the end the WAL, which still holds the pages as they were, is checkpointed and
 * truncated (lib/db/flush-erasure.ts).
 *
 * If Flanks cannot be reached for one connection, the erasure stops there (UPSTREAM_UNAVAILABLE):
 * the connections already deleted at Flanks are gone here too, the client and the rest remain,
 * and running it again finishes the job.
 */
export async function deleteClient(actor: TSessionUser, clientId: string): Promise<TDeletedClient> {
  assertAdmin(actor);
  const db = getDb();
  const client = await db.client.findUnique({
    where: { id: clientId },
    select: { id: true, advisorId: true, connections: { select: { id: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!client) throw new AppError("NOT_FOUND", "Client not found");
  try {
    await eraseClientRows(actor, client);
  } finally {
    // Also after a partial erasure (Flanks unreachable midway): what was erased leaves no search trace, nor a copy in the WAL.
    await purgeDeletedSearchEntries(db);
    await flushErasureToDisk(getEnv().databaseUrl);
  }
  forgetWealthOverview(clientId);
  forgetHouseholdWealthOf(clientId);
  return { connectionsDeleted: client.connections.length };
}

async function eraseClientRows(actor: TSessionUser, client: { id: string; advisorId: string; connections: { id: string }[] }): Promise<void> {
  const db = getDb();
  const clientId = client.id;
  const invitationsBefore = await db.invitation.findMany({ where: { clientId }, select: { id: true } });
  for (const connection of client.connections) {
    try {
      await deleteConnection(actor, connection.id, "connection.delete", { isPartOfClientErasure: true });
    } catch (error) {
      // Deleted meanwhile (a concurrent disconnect): nothing left to erase for it.
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  await db.$transaction(async (tx) => {
    // A connection created while we were deleting the others would be erased here without its Flanks
    // DELETE: refuse instead, the admin runs the erasure again.
    if ((await tx.connection.count({ where: { clientId } })) > 0) throw new AppError("CONFLICT", "generic");
    const invitations = await tx.invitation.findMany({ where: { clientId }, select: { id: true } });
    const invitationIds = new Set([...invitationsBefore, ...invitations].map((invitation) => invitation.id));
    await tx.linkCodeExchange.deleteMany({ where: { invitationId: { in: [...invitationIds] } } });
    await tx.lease.deleteMany({ where: { name: `refresh:${clientId}` } });
    await eraseRowsNaming(tx, "clientId", clientId);
    await tx.client.delete({ where: { id: clientId } });
    await recordAuditEvent(
      {
        actor,
        action: "client.delete",
        target: { type: "client", id: clientId },
        details: { advisorId: client.advisorId, connections: client.connections.length, invitations: invitations.length },
      },
      tx,
    );
  });
}
