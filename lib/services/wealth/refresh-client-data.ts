import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/log/log-error";
import { syncConnection } from "@/lib/sync/sync-connection";
import { assertWealthAccess } from "./wealth-context";

/** One advisor refresh per client per minute, across processes (Flanks data changes about once a day anyway). */
export const REFRESH_COOLDOWN_MS = 60_000;

/** Takes a named cooldown atomically in the Lease table; false while it has not expired. */
async function takeCooldown(name: string, ms: number): Promise<boolean> {
  const db = getDb();
  const now = new Date();
  await db.lease.upsert({ where: { name }, create: { name, holder: "", expiresAt: new Date(0) }, update: {} });
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder: "refresh", expiresAt: new Date(now.getTime() + ms) } });
  return taken.count === 1;
}

export type TRefreshStart = { connectionIds: string[]; startedAt: string };

/**
 * The advisor's "refresh" button: syncs each of the client's connections that has credentials and
 * has finished its first extraction, one after the other, in the background. Access is checked first;
 * a second press within a minute is RATE_LIMITED.
 */
export async function refreshClientData(actor: TActor, clientIdInput: unknown): Promise<TRefreshStart> {
  const clientId = await assertWealthAccess(actor, clientIdInput);
  const db = getDb();
  const connections = await db.connection.findMany({
    where: { clientId, credentialsTokenEnc: { not: null }, pending: false },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (connections.length === 0) throw new AppError("CONFLICT", "No connection to refresh");
  if (!(await takeCooldown(`refresh:${clientId}`, REFRESH_COOLDOWN_MS))) throw new AppError("RATE_LIMITED", "Refreshed less than a minute ago");
  const startedAt = new Date().toISOString();
  const ids = connections.map((c) => c.id);
  void (async () => {
    for (const id of ids) {
      try {
        await syncConnection(id, { reason: "manual", requestedById: actor.id });
      } catch (error) {
        logError("manual sync failed", error);
      }
    }
  })();
  return { connectionIds: ids, startedAt };
}

export type TSyncProgress = {
  isRunning: boolean;
  connections: {
    connectionId: string;
    bank: string;
    status: string;
    done: number;
    total: number;
    current: string | null;
    error: string | null;
    finishedAt: string | null;
  }[];
};

/** The latest sync of each of the client's connections, for the refresh button's progress. */
export async function getSyncProgress(actor: TActor, clientIdInput: unknown): Promise<TSyncProgress> {
  const clientId = await assertWealthAccess(actor, clientIdInput);
  const db = getDb();
  const connections = await db.connection.findMany({ where: { clientId }, select: { id: true, bank: true, bankName: true }, orderBy: { createdAt: "asc" } });
  const result: TSyncProgress["connections"] = [];
  for (const connection of connections) {
    const run = await db.syncRun.findFirst({ where: { connectionId: connection.id }, orderBy: { startedAt: "desc" } });
    if (!run) continue;
    let progress: { done?: number; total?: number; current?: string | null } = {};
    try {
      progress = JSON.parse(run.progressJson) as typeof progress;
    } catch {
      progress = {};
    }
    const isFinished = run.status !== "RUNNING";
    result.push({
      connectionId: connection.id,
      bank: connection.bankName ?? connection.bank,
      status: run.status,
      done: isFinished ? (progress.total ?? 13) : (progress.done ?? 0),
      total: progress.total ?? 13,
      current: isFinished ? null : (progress.current ?? null),
      // Only the kind of failure reaches the browser, never Flanks' text.
      error: run.status === "FAILED" ? (run.error?.split(":")[0] ?? "error") : null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    });
  }
  return { isRunning: result.some((r) => r.status === "RUNNING"), connections: result };
}
