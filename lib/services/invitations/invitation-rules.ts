import { createHash, randomBytes } from "node:crypto";

export const INVITATION_PURPOSES = ["CONNECT", "SCA", "RESET"] as const;
export type TInvitationPurpose = (typeof INVITATION_PURPOSES)[number];
export type TInvitationState = "open" | "used" | "expired" | "revoked";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 256 random bits; only its hash is stored, so a database leak does not hand out working links. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The opaque id sent to Flanks as `extra`: maps a returned code back to one invitation, reveals nothing. */
export function newInvitationReference(): string {
  return randomBytes(12).toString("base64url");
}

type TInvitationTimes = { purpose: string; expiresAt: Date; revokedAt: Date | null; usedAt: Date | null };

export function invitationState(invitation: TInvitationTimes, now: Date): TInvitationState {
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return invitation.usedAt ? "used" : "open";
}

/** A connect invitation serves several banks until it expires; a re-authentication one serves once. */
export function canOpenInvitation(invitation: TInvitationTimes, now: Date): boolean {
  const state = invitationState(invitation, now);
  return state === "open" || (state === "used" && invitation.purpose === "CONNECT");
}
