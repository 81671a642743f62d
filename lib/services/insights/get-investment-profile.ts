import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { TInvestmentProfile } from "@/lib/insights/investment-profile";
import { prefillFromMifid, type TPrefill } from "@/lib/insights/mifid-prefill";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { loadInsightInputs, parseProfile } from "./load-insight-inputs";

export type TInvestmentProfilePage = {
  clientId: string;
  /** The profile as recorded, with when; null until the advisor saves one. */
  saved: { profile: TInvestmentProfile; updatedAt: Date } | null;
  /** What the stored MiFID answers suggest, each value with the answer behind it. */
  prefill: TPrefill;
};

export async function getInvestmentProfile(actor: TActor, clientId: unknown): Promise<TInvestmentProfilePage> {
  const client = await findAccessibleClient(actor, clientId);
  const [row, inputs] = await Promise.all([
    getDb().investmentProfile.findUnique({ where: { clientId: client.id }, select: { riskLevel: true, familiesJson: true, updatedAt: true } }),
    loadInsightInputs([client]),
  ]);
  const profile = parseProfile(row);
  return {
    clientId: client.id,
    saved: row && profile ? { profile, updatedAt: row.updatedAt } : null,
    prefill: prefillFromMifid(inputs.get(client.id)?.mifid ?? []),
  };
}
