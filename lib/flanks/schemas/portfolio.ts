import { z } from "zod";

// POST v0/bank/credentials/portfolio
export const ZPortfolioSchema = z.looseObject({
  _id: z.string(),
  name: z.string(),
  /** In the example, not described in the field list. */
  type: z.string().nullish(),
  currency: z.string(),
  /** Number of the investment account at the entity. *Can be null. */
  refValores: z.string().nullish(),
  /** IBAN of the main cash account. *Can be null. */
  refAccount: z.string().nullish(),
  /** IBANs of all cash accounts. *Can be null; only in the field list. */
  refAccounts: z.array(z.string()).nullish(),
  owners: z.array(z.string()),
  balance: z.number(),
  entity: z.string(),
  external_id: z.string().nullish(),
  updated_at_timestamp: z.union([z.number(), z.string()]).optional(),
});
export type TPortfolio = z.infer<typeof ZPortfolioSchema>;
export const ZPortfolioListSchema = z.array(ZPortfolioSchema);
