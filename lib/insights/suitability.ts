import type { FxRates } from "@/lib/fx/fx-rates";
import type { TMoney } from "@/lib/money/money";
import { COMPLEX_SHARE_ALLOWED, isFamilyCovered, type TInvestmentProfile } from "./investment-profile";
import { COMPLEX_FAMILIES, PRODUCT_FAMILIES, type TProductFamily } from "./product-families";
import type { TComplexShareInsight, TInsightSource, TProfileMissingInsight, TUnsuitableFamilyInsight } from "./types";

export type TFamilyPosition = { name: string; family: TProductFamily | null; amount: TMoney };

type TSuitabilityInsight = TProfileMissingInsight | TUnsuitableFamilyInsight | TComplexShareInsight;

/**
 * Holdings against the client's recorded profile: one insight per family held that the profile does
 * not cover (knowledge and experience), and one when the complex or high-risk families' share of the
 * client's assets (`totalAssets`, in the base currency) is above what the risk level allows (exactly
 * the allowance is not flagged). Without a recorded profile: one insight asking for it, when the
 * client holds positions of any family.
 */
export function suitabilityInsights(
  profile: TInvestmentProfile | null,
  positions: readonly TFamilyPosition[],
  totalAssets: TMoney,
  rates: FxRates,
  options: { hasMifidSuggestion: boolean; source: Omit<TInsightSource, "data"> },
): TSuitabilityInsight[] {
  const base = totalAssets.currency;
  const classified = positions.filter((position): position is TFamilyPosition & { family: TProductFamily } => position.family !== null);
  if (profile === null) {
    if (classified.length === 0) return [];
    return [
      {
        id: "profileMissing",
        kind: "profileMissing",
        needsAction: true,
        source: { ...options.source, data: ["profile", "positions"] },
        figures: { suggestedFromMifid: options.hasMifidSuggestion },
      },
    ];
  }
  const insights: TSuitabilityInsight[] = [];
  for (const family of PRODUCT_FAMILIES) {
    if (isFamilyCovered(profile, family)) continue;
    const held = classified.filter((position) => position.family === family);
    if (held.length === 0) continue;
    const converted = rates.convertSum(
      held.map((position) => position.amount),
      base,
    );
    insights.push({
      id: `unsuitableFamily:${family}`,
      kind: "unsuitableFamily",
      needsAction: true,
      source: { ...options.source, data: ["profile", "positions"], ratesDay: converted.ratesDay },
      figures: {
        family,
        amount: converted.total,
        positions: held.length,
        examples: [...held]
          .sort((a, b) => (a.amount.minor > b.amount.minor ? -1 : 1))
          .slice(0, 3)
          .map((position) => position.name),
        notConverted: converted.notConverted,
      },
    });
  }
  const complex = classified.filter((position) => COMPLEX_FAMILIES.includes(position.family));
  const allowedShare = COMPLEX_SHARE_ALLOWED[profile.riskLevel] ?? 0;
  if (complex.length > 0 && totalAssets.minor > 0n) {
    const converted = rates.convertSum(
      complex.map((position) => position.amount),
      base,
    );
    const share = Number(converted.total.minor) / Number(totalAssets.minor);
    // Compared in integers: amount × 10 000 > total × allowance in basis points.
    if (converted.total.minor * 10_000n > totalAssets.minor * BigInt(Math.round(allowedShare * 10_000))) {
      insights.push({
        id: "complexShare",
        kind: "complexShare",
        needsAction: true,
        source: { ...options.source, data: ["profile", "positions"], ratesDay: converted.ratesDay },
        figures: {
          amount: converted.total,
          total: totalAssets,
          share,
          allowedShare,
          riskLevel: profile.riskLevel,
          families: [...new Set(complex.map((position) => position.family))],
        },
      });
    }
  }
  return insights;
}
