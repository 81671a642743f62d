import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { loadClientRow } from "@/lib/services/clients/get-client";
import { CONNECTION_SUMMARY_SELECT, latestSyncRuns, toConnectionSummary, type TConnectionSummary } from "./connection-dto";

export async function listClientConnections(actor: TActor, clientId: string): Promise<TConnectionSummary[]> {
  const db = getDb();
  assertClientAccess(actor, await loadClientRow(clientId));
  const rows = await db.connection.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, select: CONNECTION_SUMMARY_SELECT });
  const runs = await latestSyncRuns(db, rows.map((row) => row.id));
  return rows.map((row) => toConnectionSummary(row, runs.get(row.id)));
}
