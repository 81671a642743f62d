import { z } from "zod";
import { listOf, type TDataRequest } from "./common";

// POST v0/bank/credentials/data?page=&page_size=
export const ZTransferSchema = z.looseObject({
  beneficiary: z.string().nullish(),
  ibanBeneficiary: z.string().nullish(),
  ibanOrdenant: z.string().nullish(),
  ordenant: z.string().nullish(),
});

export const ZAccountTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  entity: z.string(),
  /** Usually the IBAN. */
  account_id: z.string(),
  amount: z.number(),
  balance: z.number().nullish(),
  cardNumber: z.string().nullish(),
  category: z.string().nullish(),
  /** Only in the field list ("as indicated in Data Types"). */
  flanks_category: z.string().nullish(),
  type: z.string().nullish(),
  currency: z.string(),
  operationDate: z.string(),
  valueDate: z.string(),
  description: z.string(),
  /** In the example, not in the field list. */
  productDescription: z.string().nullish(),
  transaction_id: z.string().nullish(),
  transfer: ZTransferSchema.nullish(),
  norma43: z.string().nullish(),
  order_id: z.string().nullish(),
  pair_transaction_id: z.string().nullish(),
});
export type TAccountTransaction = z.infer<typeof ZAccountTransactionSchema>;
export const ZAccountTransactionListSchema = listOf(ZAccountTransactionSchema);

export type TAccountTransactionsRequest = TDataRequest & {
  /** Query parameter: 1-based page number. */
  page?: number;
  /** Query parameter: elements per page. */
  page_size?: number;
};
