import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { CONNECTION_SUMMARY_SELECT, toConnectionSummary, type TConnectionSummary } from "./connection-dto";

export async function listClientConnections(actor: TActor, clientId: string): Promise<TConnectionSummary[]> {
  const db = getDb();
  assertClientAccess(actor, await db.client.findUnique({ where: { id: clientId }, select: { advisorId: true } }));
  const rows = await db.connection.findMany({ where: { clientId }, orderBy: { createdAt: "asc" }, select: CONNECTION_SUMMARY_SELECT });
  return rows.map(toConnectionSummary);
}
