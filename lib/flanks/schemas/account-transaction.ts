import { z } from "zod";
import { listOf, optObject, optNumber, optString, type TDataRequest } from "./common";

// POST v0/bank/credentials/data?page=&page_size=
export const ZTransferSchema = z.looseObject({
  beneficiary: optString(),
  ibanBeneficiary: optString(),
  ibanOrdenant: optString(),
  ordenant: optString(),
});

// Required: `_id`, `amount`, `currency`; the rest is lenient.
export const ZAccountTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  entity: optString(),
  /** Usually the IBAN. */
  account_id: optString(),
  amount: z.number(),
  balance: optNumber(),
  cardNumber: optString(),
  category: optString(),
  /** Only in the field list ("as indicated in Data Types"). */
  flanks_category: optString(),
  type: optString(),
  currency: z.string(),
  operationDate: optString(),
  valueDate: optString(),
  description: optString(),
  /** In the example, not in the field list. */
  productDescription: optString(),
  transaction_id: optString(),
  transfer: optObject(ZTransferSchema.shape),
  norma43: optString(),
  order_id: optString(),
  pair_transaction_id: optString(),
});
export type TAccountTransaction = z.infer<typeof ZAccountTransactionSchema>;
export const ZAccountTransactionListSchema = listOf(ZAccountTransactionSchema);

export type TAccountTransactionsRequest = TDataRequest & {
  /** Query parameter: 1-based page number. */
  page?: number;
  /** Query parameter: elements per page. */
  page_size?: number;
};
