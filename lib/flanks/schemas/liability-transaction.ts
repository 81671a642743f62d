import { z } from "zod";
import { listOf } from "./common";

// POST v0/bank/credentials/liability/transaction
export const ZLiabilityTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  liability_id: z.string(),
  entity: z.string(),
  amount: z.number(),
  currencyAmount: z.string(),
  /** Pending balance after the transaction. */
  balance: z.number(),
  currencyBalance: z.string(),
  description: z.string(),
  operationDate: z.string(),
  valueDate: z.string(),
  credit_account: z.string().nullish(),
  interest: z.number().nullish(),
  commission: z.number().nullish(),
  /** In the example, not described. */
  type: z.string().nullish(),
  transaction_id: z.string().nullish(),
  pair_transaction_id: z.string().nullish(),
  order_id: z.string().nullish(),
});
export type TLiabilityTransaction = z.infer<typeof ZLiabilityTransactionSchema>;
export const ZLiabilityTransactionListSchema = listOf(ZLiabilityTransactionSchema);
