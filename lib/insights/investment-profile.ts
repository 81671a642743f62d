import { z } from "zod";
import { PRODUCT_FAMILIES, type TProductFamily } from "./product-families";

/** Risk levels 1 (conservative) … 5 (aggressive). */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The share of the client's assets in complex or high-risk families (COMPLEX_FAMILIES) each risk
 * level allows. A house rule, not a regulation: decision 054.
 */
export const COMPLEX_SHARE_ALLOWED: Readonly<Record<number, number>> = { 1: 0, 2: 0.05, 3: 0.15, 4: 0.3, 5: 1 };

export type TFamilyProfile = { knowledge: boolean; experience: boolean };
export type TInvestmentProfile = { riskLevel: number; families: Record<TProductFamily, TFamilyProfile> };

const ZFamilySchema = z.object({ knowledge: z.boolean(), experience: z.boolean() });

/** The stored JSON of InvestmentProfile.familiesJson; a family missing from it (added later) is not covered. */
export const ZFamiliesJsonSchema = z.object(
  Object.fromEntries(PRODUCT_FAMILIES.map((family) => [family, ZFamilySchema.catch({ knowledge: false, experience: false })])) as Record<
    TProductFamily,
    z.ZodCatch<typeof ZFamilySchema>
  >,
);

/** A family is covered when the client has both the knowledge and the experience of it (the MiFID II appropriateness test, art. 25.3). */
export function isFamilyCovered(profile: TInvestmentProfile, family: TProductFamily): boolean {
  const entry = profile.families[family];
  return entry.knowledge && entry.experience;
}

export function emptyFamilies(): Record<TProductFamily, TFamilyProfile> {
  return Object.fromEntries(PRODUCT_FAMILIES.map((family) => [family, { knowledge: false, experience: false }])) as Record<TProductFamily, TFamilyProfile>;
}
