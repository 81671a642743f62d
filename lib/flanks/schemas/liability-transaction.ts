import { z } from "zod";
import { listOf, optNumber, optString } from "./common";

// POST v0/bank/credentials/liability/transaction
// Required: `_id`, `amount`, `currencyAmount`, and the pending balance after it with its currency
// (`balance`, `currencyBalance`: the row stores them as money); the rest is lenient.
export const ZLiabilityTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  liability_id: optString(),
  entity: optString(),
  amount: z.number(),
  currencyAmount: z.string(),
  /** Pending balance after the transaction. */
  balance: z.number(),
  currencyBalance: z.string(),
  description: optString(),
  operationDate: optString(),
  valueDate: optString(),
  credit_account: optString(),
  interest: optNumber(),
  commission: optNumber(),
  /** In the example, not described. */
  type: optString(),
  transaction_id: optString(),
  pair_transaction_id: optString(),
  order_id: optString(),
});
export type TLiabilityTransaction = z.infer<typeof ZLiabilityTransactionSchema>;
export const ZLiabilityTransactionListSchema = listOf(ZLiabilityTransactionSchema);
