import { z } from "zod";
import { optNumber, optString } from "./common";

// POST v0/bank/credentials/card/transaction
// Required: `_id`, `amount`, `currency`; the rest is lenient.
export const ZCardTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  card_id: optString(),
  entity: optString(),
  operationDate: optString(),
  valueDate: optString(),
  amount: z.number(),
  commission: optNumber(),
  currency: z.string(),
  shop: optString(),
  category: optString(),
});
export type TCardTransaction = z.infer<typeof ZCardTransactionSchema>;
export const ZCardTransactionListSchema = z.array(ZCardTransactionSchema);
