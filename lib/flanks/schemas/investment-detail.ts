import { z } from "zod";
import { listOf } from "./common";

// POST v0/bank/credentials/investment/detail
// The reference lists this endpoint in its index but documents neither its body nor its answer.
// We therefore only require what every Flanks product carries and keep everything else as sent.
export const ZInvestmentDetailSchema = z.looseObject({
  _id: z.string().nullish(),
  investment_id: z.string().nullish(),
  isin: z.string().nullish(),
  name: z.string().nullish(),
  entity: z.string().nullish(),
});
export type TInvestmentDetail = z.infer<typeof ZInvestmentDetailSchema>;
export const ZInvestmentDetailListSchema = listOf(ZInvestmentDetailSchema);
