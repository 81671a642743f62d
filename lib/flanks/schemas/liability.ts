import { z } from "zod";
import { enumOrOther, optNumber, optObject, optString, optTimestamp } from "./common";

// POST v0/bank/credentials/liability

/** The types the reference shows examples of; others exist ("see types here") and are kept. */
export const LIABILITY_TYPES = ["Credit", "Loan", "Confirming"] as const;
export type TLiabilityType = (typeof LIABILITY_TYPES)[number];
export type TLiabilityTypeOrOther = TLiabilityType | "OTHER";

export const LIABILITY_TYPE_NAMES = {
  Credit: { en: "Credit", es: "Crédito" },
  Loan: { en: "Loan", es: "Préstamo" },
  Confirming: { en: "Confirming", es: "Confirming" },
  OTHER: { en: "Other", es: "Otros" },
} as const satisfies Record<TLiabilityTypeOrOther, { en: string; es: string }>;

export const liabilityTypeOf: (code: string | null | undefined) => TLiabilityTypeOrOther = enumOrOther(LIABILITY_TYPES);

export function liabilityTypeName(code: string | null | undefined, locale: "en" | "es" = "en"): string {
  return LIABILITY_TYPE_NAMES[liabilityTypeOf(code)][locale];
}

export const ZLiabilityInterestSchema = z.looseObject({
  rate: optNumber(),
  benchmark: optString(),
  /** A string in the reference's example. */
  spread: z.union([z.string(), z.number()]).nullish().catch(null),
  /** "fixed" | "variable" if present. */
  type: optString(),
});

/**
 * One schema for every type: fields specific to a type (limit, initialCapital…) are optional.
 * Required: `_id`, `balance`, `currency`; the rest is lenient.
 */
export const ZLiabilitySchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  name: optString(),
  /** A code of LIABILITY_TYPES or a newer one: read it through `liabilityTypeOf`. */
  type: optString(),
  subtype: optString(),
  /** Amount still to repay. */
  balance: z.number(),
  currency: z.string(),
  entity: optString(),
  /** Credit: amount not consumed. */
  availableBalance: optNumber(),
  /** Loan. */
  initialCapital: optNumber(),
  initialCapitalCurrency: optString(),
  /** Confirming: maximum amount of the contract. */
  limit: optNumber(),
  openingDate: optString(),
  expirationDate: optString(),
  /** daily, monthly, quarterly, annually, biannually. */
  periodicity: optString(),
  interest: optObject(ZLiabilityInterestSchema.shape),
  contractNumber: optString(),
  updated_at_timestamp: optTimestamp(),
});
export type TLiability = z.infer<typeof ZLiabilitySchema>;
export const ZLiabilityListSchema = z.array(ZLiabilitySchema);
