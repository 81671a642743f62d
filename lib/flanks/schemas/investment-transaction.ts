import { z } from "zod";
import { listField, listOf, optNumber, optObject, optString } from "./common";
import { ZCountryModelSchema } from "./investment";

// POST v0/bank/credentials/investment/transaction
// Transaction `type` values "can and will be added over time": kept as a string.

const n = optNumber;
const s = optString;

export const ZCommissionDetailSchema = z.looseObject({ ITF: n(), broker: n(), canon: n(), entity: n(), fx: n() });
export const ZExpensesDetailSchema = z.looseObject({ custody: n(), financial: n(), iva: n(), liquidation: n() });
export const ZRetentionDetailSchema = z.looseObject({ destination: n(), origin: n() });
export const ZOriginGainSchema = z.looseObject({ date: s(), value: n() });

// Required: `_id`, `amount` (titles moved), `netCash` (its cash value) and `currency`; the rest is lenient.
export const ZInvestmentTransactionSchema = z.looseObject({
  _id: z.string(),
  external_id: s(),
  investment_id: s(),
  entity: s(),
  isin: s(),
  /** Standard type code (e.g. "4" funds transfer, "28" reversal); new codes appear over time. */
  type: s(),
  description: s(),
  /** Shares involved; sign depends on the type. */
  amount: z.number(),
  /** Accumulated shares after the transaction. *Can be null. */
  balance: n(),
  currency: z.string(),
  /** "+" or "-": increases or decreases the number of titles. */
  symb: s(),
  unitPrice: n(),
  netCash: z.number(),
  exchange: n(),
  operationDate: s(),
  valueDate: s(),
  originalCurrency: s(),
  referenceCurrency: s(),
  commission: n(),
  commission_detail: optObject(ZCommissionDetailSchema.shape),
  expenses: n(),
  expenses_detail: optObject(ZExpensesDetailSchema.shape),
  retention: n(),
  retention_detail: optObject(ZRetentionDetailSchema.shape),
  accrued_interest: n(),
  leverage: n(),
  origin_gain: optObject(ZOriginGainSchema.shape),
  origin_gain_detail: listField(ZOriginGainSchema),
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
  country_model: listField(ZCountryModelSchema),
});
export type TInvestmentTransaction = z.infer<typeof ZInvestmentTransactionSchema>;
export const ZInvestmentTransactionListSchema = listOf(ZInvestmentTransactionSchema);
