import { describe, expect, it } from "vitest";
import {
  ZAccountListSchema,
  ZAccountTransactionListSchema,
  ZCardListSchema,
  ZCardTransactionListSchema,
  ZHolderListSchema,
  ZIdentityListSchema,
  ZInvestmentDetailListSchema,
  ZInvestmentListSchema,
  ZInvestmentTransactionListSchema,
  ZLiabilityListSchema,
  ZLiabilityTransactionListSchema,
  ZMifidListSchema,
  ZPortfolioListSchema,
} from "@/lib/flanks/schemas";
import { generateForLogin } from "@/lib/sandbox/generate-data";
import { sumByCurrency } from "@/lib/money/money";
import {
  normalizeAccounts,
  normalizeAccountTransactions,
  normalizeCards,
  normalizeCardTransactions,
  normalizeHolders,
  normalizeIdentity,
  normalizeInvestments,
  normalizeInvestmentTransactions,
  normalizeLiabilities,
  normalizeLiabilityTransactions,
  normalizeMifid,
  normalizePortfolios,
} from "./normalize";
import { minorToDecimal, plainDecimal, toMinor } from "./decimal";

const scope = { connectionId: "conn-1", clientId: "client-1" };
const data = generateForLogin("testbank", "ana", { credentialsToken: "tok-ana", asOf: "2025-06-30", updatedAtTimestamp: 1_751_241_600 });

describe("normalization of sandbox payloads", () => {
  it("identity: documented fields in columns, the credentials token (_id) not kept anywhere", () => {
    const [identity] = ZIdentityListSchema.parse(data.identity);
    const row = normalizeIdentity(scope, identity!);
    expect(row).toMatchObject({ fullName: "Miguel Sánchez Hernández", identityDocument: "48893270P", connectionId: "conn-1", clientId: "client-1" });
    expect(JSON.stringify(row)).not.toContain("tok-ana");
    expect(JSON.parse(row.contactInfoJson)).toEqual(expect.arrayContaining([expect.objectContaining({ type: "email" })]));
  });

  it("accounts: balances exact in minor units, per currency", () => {
    const rows = normalizeAccounts(scope, ZAccountListSchema.parse(data.accounts));
    expect(rows.map((r) => [r.iban, r.balanceMinor, r.currency])).toEqual([
      ["ES5190003167250930459703", 926920n, "EUR"],
      ["ES2590003167291288295691", 399490n, "USD"],
    ]);
    expect(rows.every((r) => typeof r.extraJson === "string")).toBe(true);
  });

  it("account transactions: every record, newest first as served, the undocumented fields kept as JSON", () => {
    const records = ZAccountTransactionListSchema.parse(data.accountTransactions.page(1, 500));
    const rows = normalizeAccountTransactions(scope, records);
    expect(rows).toHaveLength(500);
    expect(rows[0]).toMatchObject({ amountMinor: -2987n, balanceMinor: 926920n, operationDate: "2025-06-29", accountId: "ES5190003167250930459703" });
    const withNote = records.findIndex((r) => "sandbox_note" in r);
    if (withNote >= 0) expect(JSON.parse(rows[withNote]!.extraJson)).toHaveProperty("sandbox_note");
    // Sum to the cent: the exact sum of the sandbox's amounts, per currency.
    const sums = sumByCurrency(rows.map((r) => ({ minor: r.amountMinor, currency: r.currency })));
    for (const sum of sums) {
      const expected = records.filter((r) => r.currency === sum.currency).reduce((total, r) => total + Math.round(r.amount * 100), 0);
      expect(sum.minor).toBe(BigInt(expected));
    }
  });

  it("a record whose entity Flanks left out is held at its connection's bank, never at a bank with no name", () => {
    const [first, second] = ZAccountListSchema.parse(data.accounts);
    const rows = normalizeAccounts({ ...scope, bank: "testbank" }, [
      { ...first!, entity: null },
      { ...second!, entity: "otherbank" },
    ]);
    expect(rows.map((r) => r.entity)).toEqual(["testbank", "otherbank"]);
    const [investment] = ZInvestmentListSchema.parse(data.investments);
    expect(normalizeInvestments({ ...scope, bank: "testbank" }, [{ ...investment!, entity: undefined }])[0]?.entity).toBe("testbank");
  });

  it("cards and card transactions", () => {
    const cards = normalizeCards(scope, ZCardListSchema.parse(data.cards));
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.every((c) => /^\*{12}\d{4}$/.test(c.pan))).toBe(true);
    const credit = cards.find((c) => c.cardType === "credit");
    expect(credit?.availableMinor === null || typeof credit?.availableMinor === "bigint").toBe(true);
    const txs = normalizeCardTransactions(scope, ZCardTransactionListSchema.parse(data.cardTransactions));
    expect(txs.length).toBe(data.cardTransactions.length);
    expect(txs.every((t) => cards.some((c) => c.flanksId === t.cardId))).toBe(true);
  });

  it("portfolios, investments (with investment/detail merged) and their transactions", () => {
    const portfolios = normalizePortfolios(scope, ZPortfolioListSchema.parse(data.portfolios));
    const investments = normalizeInvestments(scope, ZInvestmentListSchema.parse(data.investments), ZInvestmentDetailListSchema.parse(data.investmentDetails));
    expect(new Set(investments.map((i) => i.type))).toEqual(new Set(["VI", "FI", "F", "PP", "ETF", "L", "O", "DV", "BP", "AEP", "C", "CFD"]));
    expect(investments.every((i) => i.price !== null)).toBe(true);
    // A portfolio's balance is the exact sum of its positions.
    for (const portfolio of portfolios) {
      const sum = investments.filter((i) => i.portfolioId === portfolio.flanksId).reduce((total, i) => total + i.balanceMinor, 0n);
      expect(sum).toBe(portfolio.balanceMinor);
    }
    const fund = investments.find((i) => i.type === "F" && i.cnmvJson);
    expect(JSON.parse(fund!.cnmvJson!)).toHaveProperty("gestora");
    const plan = investments.find((i) => i.type === "PP");
    expect(JSON.parse(plan!.dgsJson!)).toHaveProperty("gestora");
    expect(JSON.parse(investments[0]!.performanceJson!)).toHaveProperty("InitialToDateYearly");
    const txs = normalizeInvestmentTransactions(scope, ZInvestmentTransactionListSchema.parse(data.investmentTransactions));
    expect(txs.length).toBe(data.investmentTransactions.length);
    expect(txs.every((t) => typeof t.netCashMinor === "bigint" && /^-?\d+(\.\d+)?$/.test(t.amount))).toBe(true);
  });

  it("liabilities (Loan, Credit, Confirming) and their transactions", () => {
    const liabilities = normalizeLiabilities(scope, ZLiabilityListSchema.parse(data.liabilities));
    expect(new Set(liabilities.map((l) => l.type))).toEqual(new Set(["Loan", "Credit", "Confirming"]));
    const credit = liabilities.find((l) => l.type === "Credit");
    expect(credit?.availableMinor).not.toBeNull();
    const txs = normalizeLiabilityTransactions(scope, ZLiabilityTransactionListSchema.parse(data.liabilityTransactions));
    expect(txs.length).toBe(data.liabilityTransactions.length);
  });

  it("MiFID answers and holders", () => {
    const mifid = normalizeMifid(scope, ZMifidListSchema.parse(data.mifid));
    expect(mifid).toHaveLength(8);
    expect(mifid[0]).toMatchObject({ position: 0, questionId: "1", question: "¿Cuál es su nivel de estudios?" });
    const holders = normalizeHolders(scope, ZHolderListSchema.parse(data.holders));
    expect(holders.some((h) => h.rel === "Titular")).toBe(true);
  });
});

describe("exact decimals", () => {
  it("keeps float noise out of minor units and quantities", () => {
    expect(toMinor(0.1 + 0.2, "EUR")).toBe(30n);
    expect(toMinor(-29.87, "EUR")).toBe(-2987n);
    expect(toMinor(1234.5, "JPY")).toBe(1235n);
    expect(plainDecimal(1e-7)).toBe("0.0000001");
    expect(plainDecimal(12.3456)).toBe("12.3456");
    expect(minorToDecimal(-5n, "EUR")).toBe("-0.05");
    expect(minorToDecimal(123456n, "XXX")).toBe("1234.56");
  });
});
