import { z } from "zod";
import { enumOrOther } from "./common";

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

export const INTEREST_RATE_TYPES = ["fixed", "variable"] as const;
export const interestRateTypeOf = enumOrOther(INTEREST_RATE_TYPES);

export const ZLiabilityInterestSchema = z.looseObject({
  rate: z.number().nullish(),
  benchmark: z.string().nullish(),
  /** A string in the reference's example. */
  spread: z.union([z.string(), z.number()]).nullish(),
  /** "fixed" | "variable" if present. */
  type: z.string().nullish(),
});

/** One schema for every type: fields specific to a type (limit, initialCapital…) are optional. */
export const ZLiabilitySchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  name: z.string(),
  /** A code of LIABILITY_TYPES or a newer one: read it through `liabilityTypeOf`. */
  type: z.string(),
  subtype: z.string().nullish(),
  /** Amount still to repay. */
  balance: z.number(),
  currency: z.string(),
  entity: z.string(),
  /** Credit: amount not consumed. */
  availableBalance: z.number().nullish(),
  /** Loan. */
  initialCapital: z.number().nullish(),
  initialCapitalCurrency: z.string().nullish(),
  /** Confirming: maximum amount of the contract. */
  limit: z.number().nullish(),
  openingDate: z.string().nullish(),
  expirationDate: z.string().nullish(),
  /** daily, monthly, quarterly, annually, biannually. */
  periodicity: z.string().nullish(),
  interest: ZLiabilityInterestSchema.nullish(),
  contractNumber: z.string().nullish(),
  updated_at_timestamp: z.union([z.number(), z.string()]).optional(),
});
export type TLiability = z.infer<typeof ZLiabilitySchema>;
export const ZLiabilityListSchema = z.array(ZLiabilitySchema);
