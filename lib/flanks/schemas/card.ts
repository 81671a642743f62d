import { z } from "zod";

// POST v0/bank/credentials/card
export const CARD_TYPES = ["credit", "debit"] as const;

export const ZCardSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  entity: z.string(),
  product: z.string().nullish(),
  contractNumber: z.string().nullish(),
  /** Masked: only the last four digits are visible. */
  pan: z.string(),
  emissionDate: z.string().nullish(),
  expirationDate: z.string().nullish(),
  availableBalance: z.number().nullish(),
  /** "credit" | "debit". */
  cardType: z.string(),
  updated_at_timestamp: z.union([z.number(), z.string()]).optional(),
});
export type TCard = z.infer<typeof ZCardSchema>;
export const ZCardListSchema = z.array(ZCardSchema);
