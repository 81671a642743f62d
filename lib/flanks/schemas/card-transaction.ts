import { z } from "zod";

// POST v0/bank/credentials/card/transaction
export const ZCardTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  card_id: z.string(),
  entity: z.string(),
  operationDate: z.string(),
  valueDate: z.string(),
  amount: z.number(),
  commission: z.number().nullish(),
  currency: z.string(),
  shop: z.string().nullish(),
  category: z.string().nullish(),
});
export type TCardTransaction = z.infer<typeof ZCardTransactionSchema>;
export const ZCardTransactionListSchema = z.array(ZCardTransactionSchema);
