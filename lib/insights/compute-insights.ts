import type { FxRates } from "@/lib/fx/fx-rates";
import { investmentTypeOf } from "@/lib/flanks/schemas/investment-type";
import type { TMoney } from "@/lib/money/money";
import { concentrationInsights, issuerKeyOf, type TAsset } from "./concentration";
import { depositGuaranteeInsights, type TCashHolding } from "./deposit-guarantee";
import type { TInvestmentProfile } from "./investment-profile";
import { prefillFromMifid, type TMifidAnswer } from "./mifid-prefill";
import { productFamilyOf } from "./product-families";
import { reauthAheadInsights, type TReauthConnection } from "./reauth-ahead";
import { suitabilityInsights } from "./suitability";
import type { TInsight, TInsightSource } from "./types";

/** One client's stored data, as the insights read it (lib/services/insights/load-insight-inputs.ts reads it). */
export type TInsightInputs = {
  /** The credentials owner's name (identity), else the client's display name: the holder of cash listed without owners. */
  clientHolder: string;
  connections: TReauthConnection[];
  accounts: { entity: string; iban: string; alias: string; balance: TMoney; owners: string[]; numOwners: number | null }[];
  investments: { entity: string; name: string; isin: string; type: string; balance: TMoney; owners: string[] }[];
  mifid: TMifidAnswer[];
  profile: TInvestmentProfile | null;
};

export type TInsightSettings = { base: string; concentrationLimitPct: number; rates: FxRates; today: string };

/** Every insight of one client, from stored data only (never a Flanks call): needing action first. */
export function computeInsights(inputs: TInsightInputs, settings: TInsightSettings): TInsight[] {
  const { base, rates } = settings;
  const bankName = new Map(inputs.connections.map((c) => [c.bankId, c.bank]));
  const nameOf = (entity: string) => bankName.get(entity) ?? entity;
  const asOfOf = (entity: string) => oldest(inputs.connections.filter((c) => c.bankId === entity).map((c) => c.dataAsOf));
  const allBanks = [...new Set(inputs.connections.filter((c) => c.dataAsOf !== null).map((c) => c.bank))].sort();
  const overall: Omit<TInsightSource, "data"> = { banks: allBanks, asOf: oldest(inputs.connections.map((c) => c.dataAsOf)), ratesDay: rates.latestDay };

  const cash: TCashHolding[] = [
    ...inputs.accounts.map((a) => ({
      entity: a.entity,
      entityName: nameOf(a.entity),
      balance: a.balance,
      owners: a.owners,
      numOwners: a.numOwners,
      kind: "accounts" as const,
    })),
    ...inputs.investments
      .filter((i) => investmentTypeOf(i.type) === "BP")
      .map((i) => ({ entity: i.entity, entityName: nameOf(i.entity), balance: i.balance, owners: i.owners, numOwners: null, kind: "deposits" as const })),
  ];
  const assets: TAsset[] = [
    ...inputs.accounts.map((a) => ({
      kind: "account" as const,
      key: a.iban,
      label: a.alias || a.iban,
      issuer: null,
      bank: a.entity,
      bankName: nameOf(a.entity),
      amount: a.balance,
    })),
    ...inputs.investments.map((i) => {
      const family = productFamilyOf(i);
      const isDirect = family === "SHARES" || family === "BONDS";
      return {
        kind: "position" as const,
        key: i.isin || i.name,
        label: i.name,
        issuer: isDirect ? issuerKeyOf(i.isin) : null,
        bank: i.entity,
        bankName: nameOf(i.entity),
        amount: i.balance,
      };
    }),
  ];
  const positive = assets.filter((asset) => asset.amount.minor > 0n).map((asset) => asset.amount);
  const totalAssets = rates.convertSum(positive, base).total;
  const prefill = prefillFromMifid(inputs.mifid);

  const insights: TInsight[] = [
    ...reauthAheadInsights(inputs.connections, settings.today),
    ...depositGuaranteeInsights(cash, inputs.clientHolder, rates, asOfOf),
    ...suitabilityInsights(
      inputs.profile,
      inputs.investments.map((i) => ({ name: i.name, family: productFamilyOf(i), amount: i.balance })),
      totalAssets,
      rates,
      { hasMifidSuggestion: prefill.profile !== null, source: overall },
    ),
    ...concentrationInsights(assets, base, settings.concentrationLimitPct, rates, overall),
  ];
  return insights.sort((a, b) => Number(b.needsAction) - Number(a.needsAction));
}

/** The oldest of the banks' "data as of" days: every figure is at least that recent. */
function oldest(days: (string | null)[]): string | null {
  const known = days.filter((day): day is string => day !== null).map((day) => day.slice(0, 10));
  return known.sort()[0] ?? null;
}
