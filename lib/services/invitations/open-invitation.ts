import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { canOpenInvitation, hashInvitationToken } from "@/lib/invitations/invitation-rules";

export const ZInvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** What the end user may see: who asks and why. Nothing about the client beyond a first name. */
export type TInvitationView = {
  purpose: "CONNECT" | "SCA" | "RESET";
  advisorName: string;
  firmName: string;
  clientFirstName: string;
  bank: string | null;
  expiresAt: string;
};

async function findOpenInvitation(token: unknown) {
  const parsed = ZInvitationTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(parsed.data) },
    include: { client: { select: { displayName: true, archived: true, advisor: { select: { name: true, disabled: true } } } }, connection: true },
  });
  // A disabled advisor no longer asks anyone for anything: their links close with their account.
  if (!invitation || invitation.client.archived || invitation.client.advisor.disabled || !canOpenInvitation(invitation, new Date())) return null;
  return invitation;
}

/** Null for an unknown, expired, revoked or used token: the page then says only "ask for a new link". */
export async function openInvitation(token: unknown): Promise<TInvitationView | null> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return null;
  return {
    purpose: invitation.purpose as TInvitationView["purpose"],
    advisorName: invitation.client.advisor.name,
    firmName: getEnv().FIRM_NAME,
    clientFirstName: invitation.client.displayName.split(/\s+/)[0] ?? "",
    bank: invitation.connection?.bank ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export { findOpenInvitation };
