import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { moneyFromDecimal, money } from "@/lib/money/money";
import { DEFAULT_REVIEW_THRESHOLDS, type TReviewThresholds } from "@/lib/review/compare-review";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import type { TReviewThresholdsInput } from "./review-schemas";

/** The actor's own review thresholds; without a saved row, 10 % and 10 000 in their base currency. */
export async function getReviewThresholds(actor: TActor): Promise<TReviewThresholds & { isDefault: boolean }> {
  const [row, base] = await Promise.all([getDb().reviewSettings.findUnique({ where: { userId: actor.id } }), getBaseCurrency(actor)]);
  if (row)
    return { positionChangePercent: row.positionChangePercent, largeMovement: money(row.largeMovementMinor, row.largeMovementCurrency), isDefault: false };
  return {
    positionChangePercent: DEFAULT_REVIEW_THRESHOLDS.positionChangePercent,
    largeMovement: moneyFromDecimal(DEFAULT_REVIEW_THRESHOLDS.largeMovementMajor, base),
    isDefault: true,
  };
}

/** Every signed-in user sets their own (no user id in the form); the amount is kept in their base currency of the moment. */
export async function setReviewThresholds(actor: TActor, input: TReviewThresholdsInput): Promise<void> {
  const amount = moneyFromDecimal(input.largeMovement, await getBaseCurrency(actor));
  const data = { positionChangePercent: input.positionChangePercent, largeMovementMinor: amount.minor, largeMovementCurrency: amount.currency };
  await getDb().reviewSettings.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...data }, update: data });
}
