import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { LINK_EXTRA_REFERENCE } from "@/lib/services/invitations/consent-to-invitation";
import { exchangeLinkCode } from "./exchange-link-code";

export type TPendingLinkCode = { codePreview: string; extra: Record<string, string>; clientName: string | null; isMapped: boolean };

/** A code is a one-use secret; the console shows only its first characters. */
function preview(code: string): string {
  return `${code.slice(0, 6)}…`;
}

/**
 * Codes that never came back through the redirect (the end user closed the tab) wait at Flanks
 * until exchanged. Those whose `extra` names one of our invitations are exchanged now (exactly once,
 * through the same path as the callback); the rest are reported as orphans.
 */
export async function reconcileLinkCodes(actor: { id: string; email: string } | null): Promise<{ exchanged: number; orphans: number }> {
  const codes = await getFlanksClient().listLinkCodes(getEnv().flanksLinkToken);
  let exchanged = 0;
  let orphans = 0;
  for (const code of codes) {
    const reference = code.extra[LINK_EXTRA_REFERENCE] ?? null;
    const invitation = reference ? await getDb().invitation.findUnique({ where: { reference }, select: { id: true, revokedAt: true } }) : null;
    if (!invitation || invitation.revokedAt) {
      orphans++;
      continue;
    }
    const outcome = await exchangeLinkCode({ code: code.code, reference, source: "reconcile" });
    if (outcome.kind === "connected" || outcome.kind === "verifying") exchanged++;
  }
  if (actor || exchanged > 0) {
    await recordAuditEvent({ actor, action: "connection.reconcile", details: { exchanged, orphans, listed: codes.length } });
  }
  return { exchanged, orphans };
}

/** For the admin console: the unused codes Flanks holds, and whether each maps to an invitation. */
export async function listPendingLinkCodes(): Promise<TPendingLinkCode[]> {
  const codes = await getFlanksClient().listLinkCodes(getEnv().flanksLinkToken);
  const references = codes.map((code) => code.extra[LINK_EXTRA_REFERENCE]).filter((value): value is string => Boolean(value));
  const invitations = await getDb().invitation.findMany({ where: { reference: { in: references } }, select: { reference: true, client: { select: { displayName: true } } } });
  const byReference = new Map(invitations.map((invitation) => [invitation.reference, invitation.client.displayName]));
  return codes.map((code) => {
    const clientName = byReference.get(code.extra[LINK_EXTRA_REFERENCE] ?? "") ?? null;
    return { codePreview: preview(code.code), extra: code.extra, clientName, isMapped: clientName !== null };
  });
}
