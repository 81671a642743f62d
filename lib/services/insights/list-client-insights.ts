import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { computeInsights } from "@/lib/insights/compute-insights";
import type { TInsight } from "@/lib/insights/types";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { insightSettings } from "./insight-settings";
import { loadInsightInputs } from "./load-insight-inputs";

/**
 * One client's insights (deposit guarantee, suitability, concentration, re-authentication ahead),
 * computed from stored data only, needing action first. Plain data: the overview's card shows it,
 * the client report (issue 20.3) prints it through describeInsight.
 */
export async function listClientInsights(actor: TActor, clientId: unknown): Promise<TInsight[]> {
  const client = await findAccessibleClient(actor, clientId);
  const inputs = (await loadInsightInputs([client])).get(client.id);
  if (!inputs) return [];
  return computeInsights(inputs, await insightSettings(actor, [inputs]));
}
