import { z } from "zod";
import { ZAccountSchema } from "./account";
import { ZCardSchema } from "./card";
import { ZIdentitySchema } from "./identity";
import { ZInvestmentSchema } from "./investment";
import { ZLiabilitySchema } from "./liability";
import { ZPortfolioSchema } from "./portfolio";

// POST v0/bank/credentials/all (one credentials_token, or a list of them)
//
// Each key repeats another endpoint's records "including owners (with relation) and transactions".
// The reference does not detail those two additions, so `owners` may be strings or objects here and
// the nested transaction lists stay loose; the records themselves use the endpoints' schemas.
// Every key may be missing (treated as an empty list): an empty list already means
// "not extracted yet / errored / none", which only credentials/status can tell apart.

const owners = z.array(z.union([z.string(), z.looseObject({})])).nullish();
const nested = z.array(z.looseObject({})).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

const withRelations = <T extends z.ZodObject>(schema: T) => schema.extend({ owners, transactions: nested, transaction: nested });

const investments = list(withRelations(ZInvestmentSchema));

export const ZAllDataSchema = z.looseObject({
  cards: list(withRelations(ZCardSchema)),
  accounts: list(withRelations(ZAccountSchema)),
  portfolios: list(withRelations(ZPortfolioSchema)),
  liabilities: list(withRelations(ZLiabilitySchema)),
  identity: list(ZIdentitySchema),
  /** "actually empty": deposits are listed under `bankProducts`. */
  deposits: z.array(z.looseObject({})).default([]),
  stocks: investments,
  fixedIncome: investments,
  funds: investments,
  pensionPlans: investments,
  etfs: investments,
  liquidity: investments,
  others: investments,
  derivatives: investments,
  bankProducts: investments,
  alternativeEmergingProducts: investments,
  cryptoCurrencies: investments,
  contractForDifferences: investments,
});
export type TAllData = z.infer<typeof ZAllDataSchema>;
