import { z } from "zod";
import { listOf } from "./common";
import { ZCountryModelSchema } from "./investment";

// POST v0/bank/credentials/investment/transaction
// Transaction `type` values "can and will be added over time": kept as a string.

const n = () => z.number().nullish();
const s = () => z.string().nullish();

export const ZCommissionDetailSchema = z.looseObject({ ITF: n(), broker: n(), canon: n(), entity: n(), fx: n() });
export const ZExpensesDetailSchema = z.looseObject({ custody: n(), financial: n(), iva: n(), liquidation: n() });
export const ZRetentionDetailSchema = z.looseObject({ destination: n(), origin: n() });
export const ZOriginGainSchema = z.looseObject({ date: s(), value: n() });

export const ZInvestmentTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: s(),
  investment_id: z.string(),
  entity: z.string(),
  isin: z.string(),
  /** Standard type code (e.g. "4" funds transfer, "28" reversal); new codes appear over time. */
  type: z.string(),
  description: z.string(),
  /** Shares involved; sign depends on the type. */
  amount: z.number(),
  /** Accumulated shares after the transaction. *Can be null. */
  balance: n(),
  currency: z.string(),
  /** "+" or "-": increases or decreases the number of titles. */
  symb: z.string(),
  unitPrice: z.number(),
  netCash: z.number(),
  exchange: z.number(),
  operationDate: z.string(),
  valueDate: z.string(),
  originalCurrency: z.string(),
  referenceCurrency: z.string(),
  commission: n(),
  commission_detail: ZCommissionDetailSchema.nullish(),
  expenses: n(),
  expenses_detail: ZExpensesDetailSchema.nullish(),
  retention: n(),
  retention_detail: ZRetentionDetailSchema.nullish(),
  accrued_interest: n(),
  leverage: n(),
  origin_gain: ZOriginGainSchema.nullish(),
  origin_gain_detail: z.array(ZOriginGainSchema).nullish(),
  pair_transaction_id: s(),
  transaction_id: s(),
  order_id: s(),
  reversal_type: s(),
  refAccountIBAN: s(),
  /** Sic: `refValos` here, `refValores` on portfolios. */
  refValos: s(),
  // Counterpart of a funds transfer (type 4, symb "-").
  accountDest: s(),
  amountDest: n(),
  commissionDest: n(),
  currencyDest: s(),
  isinDest: s(),
  netCashDest: n(),
  symbDest: s(),
  unitPriceDest: n(),
  valueDateDest: s(),
  // Only in the field list.
  exchangeToPaymentCurrency: n(),
  exchangeToTransactionCurrency: n(),
  paymentCurrency: s(),
  transactionCurrency: s(),
  country_model: z.array(ZCountryModelSchema).nullish(),
});
export type TInvestmentTransaction = z.infer<typeof ZInvestmentTransactionSchema>;
export const ZInvestmentTransactionListSchema = listOf(ZInvestmentTransactionSchema);
