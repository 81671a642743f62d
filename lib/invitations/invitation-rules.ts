import { createHash, randomBytes } from "node:crypto";

export const INVITATION_PURPOSES = ["CONNECT", "SCA", "RESET"] as const;
export type TInvitationPurpose = (typeof INVITATION_PURPOSES)[number];
export type TInvitationState = "open" | "used" | "expired" | "revoked";

/** The key of our invitation reference in the Link's `extra`: how a returning code names its invitation. */
export const LINK_EXTRA_REFERENCE = "ref";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A Link the end user consented to before the invitation expired may still return its code a little
 * after: the bank's own login and SCA can take a while. Only for a consent given in time.
 */
export const LINK_IN_PROGRESS_GRACE_MS = 60 * 60 * 1000;

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

/** Why a link code may not attach credentials to an invitation's client (issue 16.4). */
export type TBindingRefusal =
  | "revoked"
  | "expired"
  | "already_used"
  | "archived_client"
  | "advisor_disabled"
  | "reference_missing"
  | "reference_mismatch"
  | "external_id_mismatch"
  | "owned_by_other_client";

type TBindableInvitation = TInvitationTimes & { consentAt: Date | null; client: { archived: boolean; advisor: { disabled: boolean } } };

/**
 * Before the code is sent to Flanks: may this invitation still bind new credentials? Unrevoked,
 * unexpired (or consented in time and back within the grace period), a re-authentication used once
 * only, its client not archived and its advisor not disabled.
 */
export function invitationBindingRefusal(invitation: TBindableInvitation, now: Date): TBindingRefusal | null {
  if (invitation.revokedAt) return "revoked";
  if (invitation.client.archived) return "archived_client";
  if (invitation.client.advisor.disabled) return "advisor_disabled";
  const isInGrace =
    invitation.consentAt !== null && invitation.consentAt < invitation.expiresAt && now.getTime() < invitation.expiresAt.getTime() + LINK_IN_PROGRESS_GRACE_MS;
  if (invitation.expiresAt <= now && !isInGrace) return "expired";
  if (invitation.usedAt && invitation.purpose !== "CONNECT") return "already_used";
  return null;
}

type TExchangeAnswer = { extra?: Record<string, string> | null; external_id?: unknown };

/**
 * After the exchange: Flanks' own record of the Link decides, never the callback's query string.
 * `extra.ref` must be there and name this invitation; `external_id`, where Flanks returns it, must
 * be this client; credentials Patrimonio already holds for another client stay with that client.
 */
export function exchangeBindingRefusal(
  answer: TExchangeAnswer,
  expected: { reference: string; clientId: string; referenceKey: string },
  existingOwnerClientId: string | null,
): TBindingRefusal | null {
  const reference = answer.extra?.[expected.referenceKey];
  if (!reference) return "reference_missing";
  if (reference !== expected.reference) return "reference_mismatch";
  const externalId = answer.external_id ?? answer.extra?.external_id;
  if (externalId !== undefined && externalId !== null && externalId !== expected.clientId) return "external_id_mismatch";
  if (existingOwnerClientId !== null && existingOwnerClientId !== expected.clientId) return "owned_by_other_client";
  return null;
}
