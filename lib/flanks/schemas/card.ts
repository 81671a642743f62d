import { z } from "zod";
import { optNumber, optString, optTimestamp } from "./common";

// POST v0/bank/credentials/card
export const CARD_TYPES = ["credit", "debit"] as const;

// Required: `_id` only (a card has no currency of its own; its available balance may be null).
export const ZCardSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  entity: optString(),
  product: optString(),
  contractNumber: optString(),
  /** Masked: only the last four digits are visible. */
  pan: optString(),
  emissionDate: optString(),
  expirationDate: optString(),
  availableBalance: optNumber(),
  /** "credit" | "debit". */
  cardType: optString(),
  updated_at_timestamp: optTimestamp(),
});
export type TCard = z.infer<typeof ZCardSchema>;
export const ZCardListSchema = z.array(ZCardSchema);
