import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export async function revokeInvitation(actor: TSessionUser, invitationId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId }, include: { client: { select: { advisorId: true } } } });
    if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found");
    assertClientAccess(actor, invitation.client);
    if (invitation.revokedAt) return;
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
    await recordAuditEvent({ actor, action: "invitation.revoke", target: { type: "client", id: invitation.clientId }, details: { invitationId } }, tx);
  });
}
