import { z } from "zod";

// POST v0/bank/credentials/investment
// `performance`, `performance_detail`, `analytics` and `accrued_interest` are ratios over 1 (0.2 = 20 %).

/** Fund registration at the CNMV (funds, type F, only). Not a deposit guarantee. */
export const ZCnmvSchema = z.looseObject({
  isin: z.string().nullish(),
  gestora: z.string().nullish(),
  cif_gestora: z.string().nullish(),
  depositaria: z.string().nullish(),
  cif_depositaria: z.string().nullish(),
  num_registro_gestora: z.string().nullish(),
  num_registro_depositaria: z.string().nullish(),
});
export type TCnmv = z.infer<typeof ZCnmvSchema>;

/** Pension plan manager's registration at the DGSFP (type PP only). Not a deposit guarantee. */
export const ZDgsSchema = z.looseObject({
  gestora: z.string().nullish(),
  cif_gestora: z.string().nullish(),
});
export type TDgs = z.infer<typeof ZDgsSchema>;

/** Ratios over 1. The page's example shows numbers; a period the bank does not give is null. */
export const ZPerformanceDetailSchema = z.looseObject({
  MTD: z.number().nullish(),
  QTD: z.number().nullish(),
  HalfYear: z.number().nullish(),
  YTD: z.number().nullish(),
  Yearly: z.number().nullish(),
  InitialToDate: z.number().nullish(),
  InitialToDateYearly: z.number().nullish(),
});
export type TPerformanceDetail = z.infer<typeof ZPerformanceDetailSchema>;

/** Ratios over 1; many only apply to some types (funds/PP, or VI/ETF), hence nullish. */
export const ZAnalyticsSchema = z.looseObject({
  risk: z.number().nullish(),
  sharpe_ratio: z.number().nullish(),
  beta_ratio: z.number().nullish(),
  tracking_error_ratio: z.number().nullish(),
  volatility: z.number().nullish(),
  PER: z.number().nullish(),
  ROE: z.number().nullish(),
  PES: z.number().nullish(),
  EPS: z.number().nullish(),
  ROA: z.number().nullish(),
});
export type TAnalytics = z.infer<typeof ZAnalyticsSchema>;

export const ZInvestmentInterestSchema = z.looseObject({
  /** Percentage (the reference says "in percentage" here, unlike performance). */
  rate: z.number().nullish(),
  /** Null means a fixed rate. */
  benchmark: z.string().nullish(),
});

/**
 * Product codes specific to Brazil and Mexico (not a country allocation). Only `country` is common;
 * the rest depends on it, so the entry stays loose.
 */
export const ZCountryModelSchema = z.looseObject({
  country: z.string(),
  // Brazil
  issuer: z.string().nullish(),
  code: z.string().nullish(),
  // Mexico
  emisora: z.string().nullish(),
  serie: z.string().nullish(),
  bmv: z.string().nullish(),
  folio: z.string().nullish(),
});
export type TCountryModel = z.infer<typeof ZCountryModelSchema>;

export const ZInvestmentSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  name: z.string(),
  isin: z.string(),
  cusip: z.string().nullish(),
  symbol: z.string().nullish(),
  entity: z.string(),
  /** A code of INVESTMENT_TYPES, or a newer one: read it through `investmentTypeOf`. */
  type: z.string(),
  /** The reference's spelling (sic). Not described in the field list. */
  sybtype: z.string().nullish(),
  amount: z.number(),
  balance: z.number(),
  currency: z.string(),
  portfolio_id: z.string(),
  /** Public information of the product (MorningStar, Bloomberg…): free-form. */
  detail: z.record(z.string(), z.unknown()).nullish(),
  cost: z.number().nullish(),
  is_nominal: z.boolean(),
  cnmv: ZCnmvSchema.nullish(),
  dgs: ZDgsSchema.nullish(),
  initial_date: z.string().nullish(),
  performance: z.number().nullish(),
  performance_detail: ZPerformanceDetailSchema.nullish(),
  valuation_date: z.string().nullish(),
  expiration_date: z.string().nullish(),
  analytics: ZAnalyticsSchema.nullish(),
  interest: ZInvestmentInterestSchema.nullish(),
  market: z.string().nullish(),
  operating_market: z.string().nullish(),
  capital_gain: z.number().nullish(),
  accrued_interest: z.number().nullish(),
  price_ex_cupon: z.number().nullish(),
  leverage: z.number().nullish(),
  /** Empty list when not available. */
  country_model: z.array(ZCountryModelSchema),
  placing_bank: z.string().nullish(),
  updated_at_timestamp: z.union([z.number(), z.string()]).optional(),
});
export type TInvestment = z.infer<typeof ZInvestmentSchema>;
export const ZInvestmentListSchema = z.array(ZInvestmentSchema);
