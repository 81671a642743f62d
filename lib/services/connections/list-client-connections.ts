import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { loadClientRow } from "@/lib/services/clients/get-client";
import { loadClientConnectionRows } from "@/lib/connections/client-connection-rows";
import { toConnectionSummary, type TConnectionSummary } from "@/lib/connections/connection-dto";

export async function listClientConnections(actor: TActor, clientId: string): Promise<TConnectionSummary[]> {
  assertClientAccess(actor, await loadClientRow(clientId));
  return (await loadClientConnectionRows(clientId)).map((row) => toConnectionSummary(row, row.latestRun ?? undefined));
}
