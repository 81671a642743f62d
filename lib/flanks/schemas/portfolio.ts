import { z } from "zod";
import { listField, optString, optTimestamp } from "./common";

// POST v0/bank/credentials/portfolio
// Required: `_id`, `balance`, `currency`; the rest is lenient.
export const ZPortfolioSchema = z.looseObject({
  _id: z.string(),
  name: optString(),
  /** In the example, not described in the field list. */
  type: optString(),
  currency: z.string(),
  /** Number of the investment account at the entity. *Can be null. */
  refValores: optString(),
  /** IBAN of the main cash account. *Can be null. */
  refAccount: optString(),
  /** IBANs of all cash accounts. *Can be null; only in the field list. */
  refAccounts: listField(z.string()),
  owners: listField(z.string()),
  balance: z.number(),
  entity: optString(),
  external_id: optString(),
  updated_at_timestamp: optTimestamp(),
});
export type TPortfolio = z.infer<typeof ZPortfolioSchema>;
export const ZPortfolioListSchema = z.array(ZPortfolioSchema);
