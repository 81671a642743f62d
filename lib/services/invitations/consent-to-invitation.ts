import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { buildLinkUrl } from "@/lib/flanks/link-url";
import { openToken } from "@/lib/crypto/credentials-token-vault";
import { forceScaAhead } from "@/lib/connections/force-sca-ahead";
import { LINK_EXTRA_REFERENCE } from "@/lib/invitations/invitation-rules";
import { findOpenInvitation } from "./open-invitation";

/**
 * Records consent and returns where the browser goes next: the Flanks Link, with our opaque
 * invitation reference as `extra` and the client id as `external_id` (neither is personal nor secret),
 * and `rollback=true` so errors come back to our callback. A re-authentication invitation adds the
 * connection's sca_token / reset_token, which the Link needs; an SCA invitation sent before Flanks
 * asked for one forces the SCA flow first (lib/connections/force-sca-ahead.ts).
 */
export async function consentToInvitation(token: unknown): Promise<string> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) throw new AppError("NOT_FOUND", "invitationUnavailable");
  const env = getEnv();
  const connection = invitation.connection;
  let scaToken = invitation.purpose === "SCA" && connection?.scaTokenEnc ? openToken(connection.scaTokenEnc, "sca_token", { rowId: connection.id }) : undefined;
  // An SCA invitation sent ahead of the bank's request (an insight, issue 20.2): the flow is forced now.
  if (invitation.purpose === "SCA" && !scaToken && connection && connection.state !== "BLOCKED") scaToken = await forceScaAhead(connection, invitation);
  const resetToken =
    invitation.purpose === "RESET" && connection?.resetTokenEnc ? openToken(connection.resetTokenEnc, "reset_token", { rowId: connection.id }) : undefined;
  if (invitation.purpose !== "CONNECT" && !scaToken && !resetToken) throw new AppError("CONFLICT", "reauthNotNeeded");
  await getDb().$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitation.id }, data: { consentAt: new Date() } });
    await recordAuditEvent(
      {
        actor: null,
        action: "invitation.consent",
        target: { type: "client", id: invitation.clientId },
        details: { invitationId: invitation.id, purpose: invitation.purpose },
      },
      tx,
    );
  });
  return buildLinkUrl({
    linkUrl: env.flanksLinkUrl,
    linkToken: env.flanksLinkToken,
    externalId: invitation.clientId,
    rollback: true,
    bank: connection?.bank,
    scaToken,
    resetToken,
    extra: { [LINK_EXTRA_REFERENCE]: invitation.reference },
  });
}
