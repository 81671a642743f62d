import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin, isSystemActor, type TActor, type TSystemActor } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { isFlanksError } from "@/lib/flanks/errors";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { LINK_EXTRA_REFERENCE } from "@/lib/invitations/invitation-rules";
import { invitationBindingRefusal } from "@/lib/invitations/invitation-rules";
import { exchangeLinkCode, syncAfterExchange } from "@/lib/connections/exchange-link-code";

type TReconcileResult = { exchanged: number; orphans: number; refused: number };

export type TPendingLinkCode = { codePreview: string; extra: Record<string, string>; clientName: string | null; isMapped: boolean };

/** A code is a one-use secret; the console shows only its first characters. */
function preview(code: string): string {
  return `${code.slice(0, 6)}…`;
}

/**
 * Codes that never came back through the redirect (the end user closed the tab) wait at Flanks
 * until exchanged. Those whose `extra` names one of our invitations that may still bind credentials
 * (the same rules as the callback: unexpired, unrevoked, single-use re-authentication, client not
 * archived, advisor not disabled) are exchanged now, exactly once, through the same path as the
 * callback; the others are left at Flanks and counted: orphans (no invitation) and refused.
 */
export async function reconcileLinkCodes(actor: TSessionUser | TSystemActor): Promise<TReconcileResult> {
  if (!isSystemActor(actor)) assertAdmin(actor);
  try {
    return await reconcile(actor);
  } catch (error) {
    // An admin is told "Flanks is unavailable"; the job lets the Flanks error through to its log, with its detail.
    if (isFlanksError(error) && !isSystemActor(actor)) throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
    throw error;
  }
}

async function reconcile(actor: TSessionUser | TSystemActor): Promise<TReconcileResult> {
  const codes = await getFlanksClient().listLinkCodes(getEnv().flanksLinkToken);
  let exchanged = 0;
  let orphans = 0;
  let refused = 0;
  const now = new Date();
  for (const code of codes) {
    const reference = code.extra[LINK_EXTRA_REFERENCE] ?? null;
    const invitation = reference
      ? await getDb().invitation.findUnique({
          where: { reference },
          include: { client: { select: { archived: true, advisor: { select: { disabled: true } } } } },
        })
      : null;
    if (!invitation) {
      orphans++;
      continue;
    }
    if (invitationBindingRefusal(invitation, now)) {
      refused++;
      continue;
    }
    const outcome = await exchangeLinkCode({ code: code.code, reference, source: "reconcile" });
    if (outcome.kind === "connected" || outcome.kind === "verifying") exchanged++;
    else if (outcome.reason === "refused") refused++;
    await syncAfterExchange(outcome);
  }
  // An admin's run is always audited; the job's only when it bound something.
  if (!isSystemActor(actor) || exchanged > 0) {
    await recordAuditEvent({
      actor: isSystemActor(actor) ? null : { id: actor.id, email: actor.email },
      action: "connection.reconcile",
      details: { exchanged, orphans, refused, listed: codes.length },
    });
  }
  return { exchanged, orphans, refused };
}

/** For the admin console: the unused codes Flanks holds, and whether each maps to an invitation. */
export async function listPendingLinkCodes(actor: TActor): Promise<TPendingLinkCode[]> {
  assertAdmin(actor);
  const codes = await getFlanksClient().listLinkCodes(getEnv().flanksLinkToken);
  const references = codes.map((code) => code.extra[LINK_EXTRA_REFERENCE]).filter((value): value is string => Boolean(value));
  const invitations = await getDb().invitation.findMany({
    where: { reference: { in: references } },
    select: { reference: true, client: { select: { displayName: true } } },
  });
  const byReference = new Map(invitations.map((invitation) => [invitation.reference, invitation.client.displayName]));
  return codes.map((code) => {
    const clientName = byReference.get(code.extra[LINK_EXTRA_REFERENCE] ?? "") ?? null;
    return { codePreview: preview(code.code), extra: code.extra, clientName, isMapped: clientName !== null };
  });
}
