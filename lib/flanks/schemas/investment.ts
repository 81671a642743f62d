import { z } from "zod";
import { listField, optBoolean, optNumber, optObject, optRecord, optString, optTimestamp } from "./common";

// POST v0/bank/credentials/investment
// `performance`, `performance_detail`, `analytics` and `accrued_interest` are ratios over 1 (0.2 = 20 %).

/** Fund registration at the CNMV (funds, type F, only). Not a deposit guarantee. */
export const ZCnmvSchema = z.looseObject({
  isin: optString(),
  gestora: optString(),
  cif_gestora: optString(),
  depositaria: optString(),
  cif_depositaria: optString(),
  num_registro_gestora: optString(),
  num_registro_depositaria: optString(),
});
export type TCnmv = z.infer<typeof ZCnmvSchema>;

/** Pension plan manager's registration at the DGSFP (type PP only). Not a deposit guarantee. */
export const ZDgsSchema = z.looseObject({
  gestora: optString(),
  cif_gestora: optString(),
});
export type TDgs = z.infer<typeof ZDgsSchema>;

/** Ratios over 1. The page's example shows numbers; a period the bank does not give is null. */
export const ZPerformanceDetailSchema = z.looseObject({
  MTD: optNumber(),
  QTD: optNumber(),
  HalfYear: optNumber(),
  YTD: optNumber(),
  Yearly: optNumber(),
  InitialToDate: optNumber(),
  InitialToDateYearly: optNumber(),
});
export type TPerformanceDetail = z.infer<typeof ZPerformanceDetailSchema>;

/** Ratios over 1; many only apply to some types (funds/PP, or VI/ETF), hence nullish. */
export const ZAnalyticsSchema = z.looseObject({
  risk: optNumber(),
  sharpe_ratio: optNumber(),
  beta_ratio: optNumber(),
  tracking_error_ratio: optNumber(),
  volatility: optNumber(),
  PER: optNumber(),
  ROE: optNumber(),
  PES: optNumber(),
  EPS: optNumber(),
  ROA: optNumber(),
});
export type TAnalytics = z.infer<typeof ZAnalyticsSchema>;

export const ZInvestmentInterestSchema = z.looseObject({
  /** Percentage (the reference says "in percentage" here, unlike performance). */
  rate: optNumber(),
  /** Null means a fixed rate. */
  benchmark: optString(),
});

/**
 * Product codes specific to Brazil and Mexico (not a country allocation). Only `country` is common;
 * the rest depends on it, so the entry stays loose.
 */
export const ZCountryModelSchema = z.looseObject({
  country: z.string(),
  // Brazil
  issuer: optString(),
  code: optString(),
  // Mexico
  emisora: optString(),
  serie: optString(),
  bmv: optString(),
  folio: optString(),
});
export type TCountryModel = z.infer<typeof ZCountryModelSchema>;

// Required: `_id`, `balance`, `currency` (what identifies and values a position); the rest is lenient.
// Two of sixteen positions with `country_model: null` once hid 1.27 M€ (issue 15): a null list is empty.
export const ZInvestmentSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  name: optString(),
  isin: optString(),
  cusip: optString(),
  symbol: optString(),
  entity: optString(),
  /** A code of INVESTMENT_TYPES, or a newer one: read it through `investmentTypeOf`. */
  type: optString(),
  /** The reference's spelling (sic). Not described in the field list. */
  sybtype: optString(),
  /** Quantity (titles, shares or nominal). */
  amount: optNumber(),
  balance: z.number(),
  currency: z.string(),
  portfolio_id: optString(),
  /** Public information of the product (MorningStar, Bloomberg…): free-form. */
  detail: optRecord(),
  cost: optNumber(),
  is_nominal: optBoolean(),
  cnmv: optObject(ZCnmvSchema.shape),
  dgs: optObject(ZDgsSchema.shape),
  initial_date: optString(),
  performance: optNumber(),
  performance_detail: optObject(ZPerformanceDetailSchema.shape),
  valuation_date: optString(),
  expiration_date: optString(),
  analytics: optObject(ZAnalyticsSchema.shape),
  interest: optObject(ZInvestmentInterestSchema.shape),
  market: optString(),
  operating_market: optString(),
  capital_gain: optNumber(),
  accrued_interest: optNumber(),
  price_ex_cupon: optNumber(),
  leverage: optNumber(),
  /** Empty list when not available. */
  country_model: listField(ZCountryModelSchema),
  placing_bank: optString(),
  updated_at_timestamp: optTimestamp(),
});
export type TInvestment = z.infer<typeof ZInvestmentSchema>;
export const ZInvestmentListSchema = z.array(ZInvestmentSchema);
