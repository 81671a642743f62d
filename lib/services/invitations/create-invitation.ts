import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { INVITATION_TTL_MS, newInvitationReference, newInvitationToken, type TInvitationPurpose } from "@/lib/invitations/invitation-rules";

export type TCreatedInvitation = { id: string; path: string; expiresAt: string };

/**
 * The token is returned once, here, as the link path; only its hash is stored. A re-authentication
 * invitation (SCA / RESET) names the connection it repairs.
 */
export async function createInvitation(
  actor: TSessionUser,
  input: { clientId: string; purpose: TInvitationPurpose; connectionId?: string },
): Promise<TCreatedInvitation> {
  const db = getDb();
  const client = assertClientAccess(actor, await db.client.findUnique({ where: { id: input.clientId } }));
  if (client.archived) throw new AppError("CONFLICT", "archivedClient");
  if (input.purpose !== "CONNECT") {
    const connection = input.connectionId ? await db.connection.findUnique({ where: { id: input.connectionId } }) : null;
    if (!connection || connection.clientId !== client.id) throw new AppError("NOT_FOUND", "Connection not found");
  }
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        clientId: client.id,
        connectionId: input.purpose === "CONNECT" ? null : input.connectionId,
        purpose: input.purpose,
        tokenHash,
        reference: newInvitationReference(),
        expiresAt,
        createdById: actor.id,
      },
    });
    await recordAuditEvent(
      {
        actor,
        action: "invitation.create",
        target: { type: "client", id: client.id },
        details: { invitationId: created.id, purpose: input.purpose, connectionId: input.connectionId ?? null },
      },
      tx,
    );
    return created;
  });
  return { id: invitation.id, path: `/connect/${token}`, expiresAt: expiresAt.toISOString() };
}
