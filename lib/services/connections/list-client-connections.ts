import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { loadClientRow } from "@/lib/services/clients/get-client";
import { CONNECTION_SUMMARY_SELECT, toConnectionSummary, type TConnectionSummary } from "./connection-dto";

export async function listClientConnections(actor: TActor, clientId: string): Promise<TConnectionSummary[]> {
  const db = getDb();
  assertClientAccess(actor, await loadClientRow(clientId));
  const rows = await db.connection.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, select: CONNECTION_SUMMARY_SELECT });
  return rows.map(toConnectionSummary);
}
