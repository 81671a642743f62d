import { dialectOfClient } from "@/lib/db/sql-dialect";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import type { TConnectionState } from "@/lib/sync/connection-state";

/** A connection as the UI sees it: never a token, sealed or not. */
export type TConnectionSummary = {
  id: string;
  clientId: string;
  bank: string;
  /** What people read: the entity's name, or its id until the name is known. */
  bankLabel: string;
  state: TConnectionState;
  /** Whether a sync ever stored this connection's data: until then it is never "Up to date". */
  hasStoredData: boolean;
  stateSince: string;
  pending: boolean;
  lastUpdate: string | null;
  lastUpdateAt: string | null;
  erroredProducts: string[];
  createdProducts: string[];
  statusError: string | null;
  statusCheckedAt: string | null;
  createdAt: string;
  /** The latest data sync failed (the stored data is from an earlier one): when, and the kind of failure only. */
  lastSyncFailure: { at: string; kind: TSyncFailureKind } | null;
  /** The latest sync kept some products' earlier data or set records aside: the client's pages say which. */
  isLastSyncPartial: boolean;
};

export type TSyncFailureKind = "unavailable" | "timeout" | "rate_limited" | "unauthorized" | "not_found" | "other";

/** SyncRun.error starts with the Flanks error kind ("unavailable: …"); only the kind reaches a browser. */
export function syncFailureKind(error: string | null): TSyncFailureKind {
  const kind = error?.split(":")[0]?.trim();
  return kind === "unavailable" || kind === "timeout" || kind === "rate_limited" || kind === "unauthorized" || kind === "not_found" ? kind : "other";
}

export const CONNECTION_SUMMARY_SELECT = {
  id: true,
  clientId: true,
  bank: true,
  bankName: true,
  state: true,
  stateSince: true,
  pending: true,
  lastUpdate: true,
  lastUpdateAt: true,
  erroredProducts: true,
  createdProducts: true,
  statusError: true,
  statusCheckedAt: true,
  createdAt: true,
  wealthSyncState: { select: { lastSyncedAt: true } },
} as const;

/** A connection row as the summary needs it (CONNECTION_SUMMARY_SELECT). */
export type TConnectionRow = {
  id: string;
  clientId: string;
  bank: string;
  bankName: string | null;
  state: string;
  stateSince: Date;
  pending: boolean;
  lastUpdate: string | null;
  lastUpdateAt: Date | null;
  erroredProducts: string;
  createdProducts: string;
  statusError: string | null;
  statusCheckedAt: Date | null;
  createdAt: Date;
  wealthSyncState: { lastSyncedAt: Date } | null;
};

type TLatestRun = { status: string; startedAt: Date; finishedAt: Date | null; error: string | null };

/** A JSON list of strings as stored in a text column (product lists); anything else reads as empty. */
export function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

function lastSyncFailure(run: TLatestRun | undefined): TConnectionSummary["lastSyncFailure"] {
  if (run?.status !== "FAILED") return null;
  return { at: (run.finishedAt ?? run.startedAt).toISOString(), kind: syncFailureKind(run.error) };
}

/**
 * The latest sync run of each connection, for the "last sync failed" banner: one indexed lookup
 * per connection (SyncRun(connectionId, startedAt)). Not Prisma's nested `take: 1`, which reads
 * every run the connection ever had (one a day, for years) and keeps the first in memory.
 */
export async function latestSyncRuns(db: PrismaClient, connectionIds: readonly string[]): Promise<Map<string, TLatestRun>> {
  if (connectionIds.length === 0) return new Map();
  const latest =
    dialectOfClient(db) === "postgres"
      ? await db.$queryRaw<{ id: string | null }[]>`
    SELECT (SELECT r."id" FROM "SyncRun" r WHERE r."connectionId" = c.value ORDER BY r."startedAt" DESC LIMIT 1) AS id
    FROM unnest(${[...connectionIds]}::text[]) AS c(value)`
      : await db.$queryRaw<{ id: string | null }[]>`
    SELECT (SELECT r."id" FROM "SyncRun" r WHERE r."connectionId" = c.value ORDER BY r."startedAt" DESC LIMIT 1) AS id
    FROM json_each(${JSON.stringify(connectionIds)}) c`;
  const ids = latest.flatMap((row) => (row.id ? [row.id] : []));
  const runs = await db.syncRun.findMany({
    where: { id: { in: ids } },
    select: { connectionId: true, status: true, startedAt: true, finishedAt: true, error: true },
  });
  return new Map(runs.map(({ connectionId, ...run }) => [connectionId, run]));
}

export function toConnectionSummary(row: TConnectionRow, latestRun: TLatestRun | undefined): TConnectionSummary {
  return {
    id: row.id,
    clientId: row.clientId,
    bank: row.bank,
    bankLabel: row.bankName ?? row.bank,
    state: row.state as TConnectionState,
    hasStoredData: row.wealthSyncState !== null,
    stateSince: row.stateSince.toISOString(),
    pending: row.pending,
    lastUpdate: row.lastUpdate,
    lastUpdateAt: row.lastUpdateAt?.toISOString() ?? null,
    erroredProducts: parseList(row.erroredProducts),
    createdProducts: parseList(row.createdProducts),
    statusError: row.statusError,
    statusCheckedAt: row.statusCheckedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    lastSyncFailure: lastSyncFailure(latestRun),
    isLastSyncPartial: latestRun?.status === "PARTIAL",
  };
}

/** Products counted for the extraction progress: 8 products and 5 kinds of transactions. */
export const EXTRACTION_PRODUCT_COUNT = 13;
