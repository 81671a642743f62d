import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { deleteConnection } from "@/lib/services/connections/delete-connection";
import { forgetWealthOverview } from "@/lib/services/wealth/get-wealth-overview";
import { purgeDeletedSearchEntries } from "@/lib/services/wealth/purge-search-index";

export type TDeletedClient = { connectionsDeleted: number };

/**
 * Erasure of a client (admins only): each connection's credentials are deleted at Flanks and its
 * rows erased (deleteConnection: one `connection.delete` audit entry each; its wealth data, sync
 * runs and snapshots cascade), then every remaining row of the client — invitations, the link
 * codes exchanged for them, its refresh cooldown, the client itself — goes in one transaction
 * with a `client.delete` audit entry. Audit entries are append-only and stay.
 *
 * If Flanks cannot be reached for one connection, the erasure stops there (UPSTREAM_UNAVAILABLE):
 * the connections already deleted at Flanks are gone here too, the client and the rest remain,
 * and running it again finishes the job.
 */
export async function deleteClient(actor: TSessionUser, clientId: string): Promise<TDeletedClient> {
  assertAdmin(actor);
  const db = getDb();
  const client = await db.client.findUnique({ where: { id: clientId }, select: { id: true, advisorId: true, connections: { select: { id: true }, orderBy: { createdAt: "asc" } } } });
  if (!client) throw new AppError("NOT_FOUND", "Client not found");
  try {
    await eraseClientRows(actor, client);
  } finally {
    // Also after a partial erasure (Flanks unreachable midway): what was erased leaves no search trace.
    await purgeDeletedSearchEntries(db);
  }
  forgetWealthOverview(clientId);
  return { connectionsDeleted: client.connections.length };
}

async function eraseClientRows(actor: TSessionUser, client: { id: string; advisorId: string; connections: { id: string }[] }): Promise<void> {
  const db = getDb();
  const clientId = client.id;
  for (const connection of client.connections) {
    try {
      await deleteConnection(actor, connection.id, "connection.delete", { purgeSearchIndex: false });
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
    await tx.linkCodeExchange.deleteMany({ where: { invitationId: { in: invitations.map((invitation) => invitation.id) } } });
    await tx.lease.deleteMany({ where: { name: `refresh:${clientId}` } });
    // Invitations cascade from the client.
    await tx.client.delete({ where: { id: clientId } });
    await recordAuditEvent(
      { actor, action: "client.delete", target: { type: "client", id: clientId }, details: { advisorId: client.advisorId, connections: client.connections.length, invitations: invitations.length } },
      tx,
    );
  });
}
