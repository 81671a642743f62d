import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import { toDate, toDateOrNull, type TReadConnection } from "@/lib/db/read-connection";
import type { TConnectionRow } from "./connection-dto";

/**
 * A client's connections with their sync state and latest sync run, in one prepared statement:
 * every client page reads them twice (the connection banners and the wealth context). The latest
 * run is one indexed lookup per connection (SyncRun(connectionId, startedAt)); Prisma's nested
 * `take: 1` read every run the connection ever had.
 */
const CONNECTIONS_SQL = `
  SELECT c."id", c."clientId", c."bank", c."bankName", c."state", c."stateSince", c."pending", c."lastUpdate", c."lastUpdateAt",
         c."erroredProducts", c."createdProducts", c."statusError", c."statusCheckedAt", c."createdAt",
         s."connectionId" AS "syncConnectionId", s."lastSyncedAt", s."lastSyncRunId", s."dataAsOf", s."dataAsOfAt", s."productsJson",
         r."id" AS "runId", r."status" AS "runStatus", r."startedAt" AS "runStartedAt", r."finishedAt" AS "runFinishedAt", r."error" AS "runError"
  FROM "Connection" c
  LEFT JOIN "WealthSyncState" s ON s."connectionId" = c."id"
  LEFT JOIN "SyncRun" r ON r."id" = (SELECT r2."id" FROM "SyncRun" r2 WHERE r2."connectionId" = c."id" ORDER BY r2."startedAt" DESC LIMIT 1)
  WHERE c."clientId" = ?
  ORDER BY c."createdAt" ASC`;

type TRawRow = {
  id: string;
  clientId: string;
  bank: string;
  bankName: string | null;
  state: string;
  stateSince: string;
  pending: number | boolean;
  lastUpdate: string | null;
  lastUpdateAt: string | null;
  erroredProducts: string;
  createdProducts: string;
  statusError: string | null;
  statusCheckedAt: string | null;
  createdAt: string;
  syncConnectionId: string | null;
  lastSyncedAt: string | null;
  lastSyncRunId: string | null;
  dataAsOf: string | null;
  dataAsOfAt: string | null;
  productsJson: string | null;
  runId: string | null;
  runStatus: string | null;
  runStartedAt: string | null;
  runFinishedAt: string | null;
  runError: string | null;
};

export type TClientConnectionRow = TConnectionRow & {
  wealthSyncState: { lastSyncedAt: Date; lastSyncRunId: string; dataAsOf: string | null; dataAsOfAt: Date | null; productsJson: string } | null;
  latestRun: { status: string; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
};

export async function readClientConnectionRows(db: TReadConnection, clientId: string): Promise<TClientConnectionRow[]> {
  return (await db.all<TRawRow>(CONNECTIONS_SQL, [clientId])).map((row) => ({
    id: row.id,
    clientId: row.clientId,
    bank: row.bank,
    bankName: row.bankName,
    state: row.state,
    stateSince: toDate(row.stateSince),
    pending: Boolean(row.pending),
    lastUpdate: row.lastUpdate,
    lastUpdateAt: toDateOrNull(row.lastUpdateAt),
    erroredProducts: row.erroredProducts,
    createdProducts: row.createdProducts,
    statusError: row.statusError,
    statusCheckedAt: toDateOrNull(row.statusCheckedAt),
    createdAt: toDate(row.createdAt),
    wealthSyncState:
      row.syncConnectionId === null
        ? null
        : {
            lastSyncedAt: toDate(row.lastSyncedAt),
            lastSyncRunId: row.lastSyncRunId ?? "",
            dataAsOf: row.dataAsOf,
            dataAsOfAt: toDateOrNull(row.dataAsOfAt),
            productsJson: row.productsJson ?? "{}",
          },
    latestRun:
      row.runId === null
        ? null
        : { status: row.runStatus ?? "", startedAt: toDate(row.runStartedAt), finishedAt: toDateOrNull(row.runFinishedAt), error: row.runError },
  }));
}

/** Once per rendered request (React `cache`); callers check access before asking. */
export const loadClientConnectionRows = cache(async (clientId: string): Promise<TClientConnectionRow[]> => readClientConnectionRows(getReadDb(), clientId));
