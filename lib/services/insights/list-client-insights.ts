import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import type { TInsight } from "@/lib/insights/types";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { insightsOfClients } from "./insights-of-clients";

/**
 * One client's insights (deposit guarantee, suitability, concentration, re-authentication ahead),
 * computed from stored data only, needing action first. Plain data: the overview's card shows it,
 * the client report (issue 20.3) prints it through describeInsight.
 */
export async function listClientInsights(actor: TActor, clientId: unknown): Promise<TInsight[]> {
  const client = await findAccessibleClient(actor, clientId);
  return (await insightsOfClients(actor, [client])).get(client.id) ?? [];
}
