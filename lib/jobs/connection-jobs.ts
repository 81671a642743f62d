import "server-only";
import { systemActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { logError } from "@/lib/log/log-error";
import { retryPendingExchanges } from "@/lib/connections/exchange-link-code";
import { isShuttingDown } from "@/lib/runtime/shutdown-state";
import { reconcileLinkCodes } from "@/lib/services/connections/reconcile-link-codes";
import { refreshConnectionStatus } from "@/lib/connections/refresh-connection-status";
import { withLease } from "@/lib/db/with-lease";

type TOnNewData = (connectionId: string) => Promise<unknown>;

/** Polls Flanks for connections whose extraction is running, and hands finished ones to the sync. */
export async function pollPendingConnections(onNewData: TOnNewData): Promise<void> {
  await withLease("jobs:poll-pending", 60_000, async () => {
    const db = getDb();
    if (await db.linkCodeExchange.count({ where: { status: { in: ["DELAYED", "RETRY"] }, codeEnc: { not: null } } })) await retryPendingExchanges();
    const pending = await db.connection.findMany({ where: { state: "PENDING", credentialsTokenEnc: { not: null } }, select: { id: true }, take: 50 });
    for (const { id } of pending) {
      if (isShuttingDown()) return; // the next instance's poll picks up the rest
      await refreshAndSync(id, onNewData);
    }
  });
}

/** Every connection's status now and then: SCA and blocked states, and new data after Flanks' daily refresh. */
export async function sweepConnectionStatuses(onNewData: TOnNewData): Promise<void> {
  await withLease("jobs:sweep-status", 10 * 60_000, async () => {
    const connections = await getDb().connection.findMany({ where: { credentialsTokenEnc: { not: null }, state: { not: "PENDING" } }, select: { id: true } });
    for (const { id } of connections) {
      if (isShuttingDown()) return; // the sweep starts over on another instance
      await refreshAndSync(id, onNewData);
    }
  });
}

export async function refreshAndSync(connectionId: string, onNewData: TOnNewData): Promise<void> {
  const result = await refreshConnectionStatus(connectionId);
  if (result.hasNewData) {
    await onNewData(connectionId).catch((error: unknown) => logError(`sync of ${connectionId} failed`, error));
  }
}

export async function reconcileInBackground(): Promise<void> {
  await withLease("jobs:reconcile", 5 * 60_000, () => reconcileLinkCodes(systemActor("reconcile")));
}
