import { describe, expect, it } from "vitest";
import * as fx from "./test/fixtures/reference-examples";
import {
  ALL_KEY_BY_INVESTMENT_TYPE,
  INVESTMENT_TYPE_NAMES,
  INVESTMENT_TYPES,
  investmentTypeName,
  investmentTypeOf,
  liabilityTypeOf,
  ZAccountListSchema,
  ZAccountTransactionListSchema,
  ZAllDataSchema,
  ZAvailableBankListSchema,
  ZCardListSchema,
  ZCardTransactionListSchema,
  ZCredentialsListSchema,
  ZCredentialsStatusSchema,
  ZDeleteCredentialsResponseSchema,
  ZForceStatusResponseSchema,
  ZHolderListSchema,
  ZIdentityListSchema,
  ZInvestmentListSchema,
  ZInvestmentTransactionListSchema,
  ZLiabilityListSchema,
  ZLiabilityTransactionListSchema,
  ZLinkCodeListSchema,
  ZLinkExchangeResponseSchema,
  ZMifidListSchema,
  ZPortfolioListSchema,
  ZTokenResponseSchema,
} from "./schemas";

describe("schemas parse the reference's example payloads", () => {
  it.each([
    ["token", ZTokenResponseSchema, fx.tokenResponse],
    ["status", ZCredentialsStatusSchema, fx.credentialsStatus],
    ["pending status (no dates yet)", ZCredentialsStatusSchema, fx.pendingStatus],
    ["force", ZForceStatusResponseSchema, fx.forceScaResponse],
    ["delete", ZDeleteCredentialsResponseSchema, fx.deleteResponse],
    ["portfolio", ZPortfolioListSchema, fx.portfolios],
    ["investment", ZInvestmentListSchema, fx.investments],
    ["investment transaction", ZInvestmentTransactionListSchema, [fx.investmentTransaction]],
    ["account", ZAccountListSchema, [fx.account]],
    ["account transactions", ZAccountTransactionListSchema, fx.accountTransactions],
    ["identity", ZIdentityListSchema, [fx.identity]],
    ["liability", ZLiabilityListSchema, fx.liabilities],
    ["liability transaction", ZLiabilityTransactionListSchema, fx.liabilityTransactions],
    ["mifid", ZMifidListSchema, fx.mifid],
    ["mifid (empty)", ZMifidListSchema, []],
    ["card", ZCardListSchema, fx.cards],
    ["card transaction", ZCardTransactionListSchema, fx.cardTransactions],
    ["all", ZAllDataSchema, fx.all],
    ["holder", ZHolderListSchema, fx.holders],
    ["list", ZCredentialsListSchema, fx.credentialsList],
    ["link codes", ZLinkCodeListSchema, fx.linkCodes],
    ["link exchange", ZLinkExchangeResponseSchema, fx.linkExchange],
    ["available banks", ZAvailableBankListSchema, fx.availableBanks],
  ] as const)("%s", (_name, schema, payload) => {
    const result = schema.safeParse(payload);
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it("keeps the documented nulls as null", () => {
    const [fund, plan] = ZInvestmentListSchema.parse(fx.investments);
    expect(fund?.cusip).toBeNull();
    expect(fund?.dgs).toBeNull();
    expect(plan?.cnmv).toBeNull();
    expect(plan?.dgs?.cif_gestora).toBeNull();
    expect(plan?.performance_detail?.MTD).toBeNull();
    const [, cancelled] = ZPortfolioListSchema.parse(fx.portfolios);
    expect(cancelled?.refValores).toBeNull();
    expect(cancelled?.external_id).toBeNull();
  });

  it("accepts a starred field that is absent", () => {
    const { cusip: _cusip, symbol: _symbol, placing_bank: _placing, ...withoutOptional } = fx.fundInvestment;
    expect(ZInvestmentListSchema.safeParse([withoutOptional]).success).toBe(true);
  });

  it("keeps unknown extra fields (Flanks may add fields at any time)", () => {
    const [parsed] = ZInvestmentListSchema.parse([{ ...fx.fundInvestment, esg_score: 7, cnmv: { ...fx.fundInvestment.cnmv, lei: "X" } }]);
    expect(parsed).toMatchObject({ esg_score: 7, cnmv: { lei: "X" } });
    const status = ZCredentialsStatusSchema.parse({ ...fx.credentialsStatus, consent_expires: "2027-01-01" });
    expect(status).toHaveProperty("consent_expires", "2027-01-01");
  });

  it("keeps an unknown investment type and shows it as OTHER", () => {
    const [parsed] = ZInvestmentListSchema.parse([{ ...fx.fundInvestment, type: "NFT" }]);
    expect(parsed?.type).toBe("NFT");
    expect(investmentTypeOf(parsed?.type)).toBe("OTHER");
    expect(investmentTypeName(parsed?.type, "es")).toBe("Otros");
    expect(investmentTypeOf("CFD")).toBe("CFD");
    expect(investmentTypeOf(null)).toBe("OTHER");
  });

  it("keeps an unknown liability type and shows it as OTHER", () => {
    const [parsed] = ZLiabilityListSchema.parse([{ ...fx.liabilities[0], type: "Leasing" }]);
    expect(parsed?.type).toBe("Leasing");
    expect(liabilityTypeOf(parsed?.type)).toBe("OTHER");
    expect(liabilityTypeOf("Loan")).toBe("Loan");
  });

  it("names every investment type of the reference in English and Spanish, and its /all key", () => {
    expect(INVESTMENT_TYPES).toEqual(["VI", "FI", "F", "PP", "ETF", "L", "O", "DV", "BP", "AEP", "C", "CFD"]);
    for (const type of INVESTMENT_TYPES) {
      expect(INVESTMENT_TYPE_NAMES[type].en.length).toBeGreaterThan(1);
      expect(INVESTMENT_TYPE_NAMES[type].es.length).toBeGreaterThan(1);
      expect(Object.keys(ZAllDataSchema.shape)).toContain(ALL_KEY_BY_INVESTMENT_TYPE[type]);
    }
    expect(INVESTMENT_TYPE_NAMES.VI.es).toBe("Renta variable");
    expect(INVESTMENT_TYPE_NAMES.FI.en).toBe("Fixed income");
  });

  it("reads a single object where the reference's example shows one (accounts, identity)", () => {
    expect(ZAccountListSchema.parse(fx.account)).toHaveLength(1);
    expect(ZIdentityListSchema.parse(fx.identity)[0]?.fullName).toBe("Ana García López");
  });

  it("uses `transaction` in status and `transactions` in list, as the reference does", () => {
    // Read through the status endpoint's schema, the list's `transactions` group is no `transaction` group.
    expect(ZCredentialsStatusSchema.parse(fx.credentialsList.items[0]?.status).created.transaction).toEqual({});
    const listed = ZCredentialsListSchema.parse(fx.credentialsList);
    expect(listed.items[0]?.status?.created.transactions.account).toBe(true);
    expect(listed.items[1]?.status).toBeNull();
  });

  it("fills missing /all keys with empty lists", () => {
    const parsed = ZAllDataSchema.parse({ accounts: [fx.account] });
    expect(parsed.cryptoCurrencies).toEqual([]);
    expect(parsed.accounts).toHaveLength(1);
  });
});
