import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { isFlanksError } from "@/lib/flanks/errors";
import { bankDisplayName } from "./bank-names";
import { redactStatus, summarizeStatus, type TConnectionState } from "@/lib/sync/connection-state";
import { openToken, sealToken } from "@/lib/crypto/credentials-token-vault";

/**
 * `hasNewData`: an extraction finished since we last looked (the first one, or a newer `last_update`),
 * or it finished earlier but its data was never stored (the first load failed or never ran): time to sync.
 */
export type TRefreshResult = { state: TConnectionState; changed: boolean; hasNewData: boolean; error?: string };

/**
 * Asks Flanks for one connection's status and stores what it means. A Flanks failure is recorded
 * on the connection (statusError) and leaves the last known state as it was.
 */
export async function refreshConnectionStatus(connectionId: string, actor: { id: string; email: string } | null = null): Promise<TRefreshResult> {
  const db = getDb();
  const connection = await db.connection.findUnique({ where: { id: connectionId }, include: { wealthSyncState: { select: { connectionId: true } } } });
  if (!connection?.credentialsTokenEnc) return { state: (connection?.state ?? "ERROR") as TConnectionState, changed: false, hasNewData: false };
  const credentialsToken = openToken(connection.credentialsTokenEnc, "credentials_token", { rowId: connection.id });
  let status;
  try {
    status = await getFlanksClient().getStatus(credentialsToken);
  } catch (error) {
    const message = isFlanksError(error) ? `${error.kind}: ${error.message}` : "unexpected error";
    const isGone = isFlanksError(error) && (error.kind === "not_found" || error.kind === "bad_request");
    await db.connection.update({
      where: { id: connectionId },
      data: { statusError: message.slice(0, 500), statusCheckedAt: new Date(), ...(isGone ? { state: "ERROR", stateSince: new Date() } : {}) },
    });
    return {
      state: (isGone ? "ERROR" : connection.state) as TConnectionState,
      changed: isGone && connection.state !== "ERROR",
      hasNewData: false,
      error: message,
    };
  }
  const summary = summarizeStatus(status);
  const changed = summary.state !== connection.state;
  await db.$transaction(async (tx) => {
    await tx.connection.update({
      where: { id: connectionId },
      data: {
        bank: status.name || connection.bank,
        bankName: (await bankDisplayName(status.name || connection.bank)) ?? connection.bankName,
        state: summary.state,
        ...(changed ? { stateSince: new Date() } : {}),
        pending: summary.pending,
        blocked: summary.blocked,
        scaTokenEnc: status.sca_token ? sealToken(status.sca_token, "sca_token", { rowId: connectionId }) : null,
        resetTokenEnc: status.reset_token ? sealToken(status.reset_token, "reset_token", { rowId: connectionId }) : null,
        lastUpdate: summary.lastUpdate,
        lastUpdateAt: summary.lastUpdateAt,
        erroredProducts: JSON.stringify(summary.erroredProducts),
        createdProducts: JSON.stringify(summary.createdProducts),
        statusJson: redactStatus(status),
        statusCheckedAt: new Date(),
        statusError: null,
      },
    });
    if (changed) {
      await recordAuditEvent(
        {
          actor,
          action: "connection.status_change",
          target: { type: "connection", id: connectionId },
          details: { clientId: connection.clientId, from: connection.state, to: summary.state },
        },
        tx,
      );
    }
  });
  const isNeverStored = connection.wealthSyncState === null;
  // last_update + time name a minute: a re-authentication within the minute of the previous
  // extraction only shows in last_update_timestamp (lastUpdateAt).
  const isNewer =
    summary.lastUpdate !== connection.lastUpdate || (summary.lastUpdateAt !== null && summary.lastUpdateAt.getTime() !== connection.lastUpdateAt?.getTime());
  const hasNewData = !summary.pending && summary.lastUpdate !== null && (isNewer || connection.pending || isNeverStored);
  return { state: summary.state, changed, hasNewData };
}
