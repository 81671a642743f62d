import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { invitationState, type TInvitationState } from "@/lib/invitations/invitation-rules";

export type TInvitationSummary = {
  id: string;
  purpose: string;
  state: TInvitationState;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  connectionBank: string | null;
};

export async function listClientInvitations(actor: TActor, clientId: string): Promise<TInvitationSummary[]> {
  const db = getDb();
  assertClientAccess(actor, await db.client.findUnique({ where: { id: clientId }, select: { advisorId: true } }));
  const rows = await db.invitation.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, purpose: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true, connection: { select: { bank: true } } },
  });
  const now = new Date();
  return rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    state: invitationState(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    connectionBank: row.connection?.bank ?? null,
  }));
}
