import { z } from "zod";
import { listOf, optString } from "./common";

// POST v0/bank/credentials/investment/detail
// The reference lists this endpoint in its index but documents neither its body nor its answer.
// We therefore only require what every Flanks product carries and keep everything else as sent.
export const ZInvestmentDetailSchema = z.looseObject({
  _id: optString(),
  investment_id: optString(),
  isin: optString(),
  name: optString(),
  entity: optString(),
});
export type TInvestmentDetail = z.infer<typeof ZInvestmentDetailSchema>;
export const ZInvestmentDetailListSchema = listOf(ZInvestmentDetailSchema);
