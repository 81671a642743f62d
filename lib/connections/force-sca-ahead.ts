import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { openToken } from "@/lib/crypto/credentials-token-vault";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { AppError } from "@/lib/errors/app-error";
import { refreshConnectionStatus } from "./refresh-connection-status";

/**
 * A re-authentication ahead of the bank's own request (issue 20.2: the SCA expected 180 days after
 * the last one): Flanks gives no sca_token until it asks, so the end user's consent to an SCA
 * invitation forces the SCA flow (PUT credentials/status, force=sca) and hands its token to the Link.
 * Done at consent, not when the advisor creates the invitation: forcing stops the daily refresh until
 * the SCA is done ("Using this method will prevent the credentials to be automatically updated"), and
 * at consent the end user is about to do it. Decision 054.
 */
export async function forceScaAhead(
  connection: { id: string; credentialsTokenEnc: string | null },
  invitation: { id: string; createdById: string },
): Promise<string> {
  if (!connection.credentialsTokenEnc) throw new AppError("CONFLICT", "reauthNotNeeded");
  const credentialsToken = openToken(connection.credentialsTokenEnc, "credentials_token", { rowId: connection.id });
  let token: unknown;
  try {
    token = (await getFlanksClient().forceStatus(credentialsToken, "sca")).token;
  } catch (error) {
    throw new AppError("UPSTREAM_UNAVAILABLE", isFlanksError(error) ? "flanksUnavailable" : "generic");
  }
  if (typeof token !== "string" || token === "") throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
  // Its own action: the end user's consent (no account) caused it, on the invitation the advisor sent;
  // `connection.force_sca` stays an admin's act with an actor (e2e/audit-log.after.spec.ts).
  await recordAuditEvent({
    actor: null,
    action: "connection.force_sca_ahead",
    target: { type: "connection", id: connection.id },
    details: { invitationId: invitation.id, invitedById: invitation.createdById },
  });
  // Stores the sca_token (sealed) and the NEEDS_SCA state, as an admin's force does.
  await refreshConnectionStatus(connection.id);
  return token;
}
