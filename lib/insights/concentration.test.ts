import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { money } from "@/lib/money/money";
import { concentrationInsights, issuerKeyOf, type TAsset } from "./concentration";

const rates = new FxRates([{ day: "2026-12-04", currency: "USD", perEuro: "2" }]);
const source = { banks: ["Banco Meseta"], asOf: "2026-12-05", ratesDay: "2026-12-04" };
const asset = (key: string, minor: bigint, extra: Partial<TAsset> = {}): TAsset => ({
  kind: "position",
  key,
  label: key,
  issuer: null,
  bank: "banco-meseta",
  bankName: "Banco Meseta",
  amount: money(minor, "EUR"),
  ...extra,
});
const other = (key: string, minor: bigint, bank: string) => asset(key, minor, { bank, bankName: bank });

describe("concentrationInsights", () => {
  it("leaves a position at exactly the limit alone and flags one above it", () => {
    const atLimit = [asset("A", 20_00n), other("B", 40_00n, "b2"), other("C", 40_00n, "b3")];
    expect(concentrationInsights(atLimit, "EUR", 20, rates, source).filter((i) => i.figures.dimension === "position")).toEqual([
      expect.objectContaining({ figures: expect.objectContaining({ key: "B" }) }),
      expect.objectContaining({ figures: expect.objectContaining({ key: "C" }) }),
    ]);
    const positions = concentrationInsights(atLimit, "EUR", 40, rates, source).filter((i) => i.figures.dimension === "position");
    expect(positions).toEqual([]);
    const above = concentrationInsights([asset("A", 20_01n), other("B", 79_99n, "b2")], "EUR", 50, rates, source);
    expect(above.map((i) => `${i.figures.dimension}:${i.figures.key}:${i.needsAction}`)).toEqual(["position:B:true", "bank:b2:false"]);
  });

  it("computes the share in the base currency", () => {
    // 100 USD = 50 €; 50 € more in euros: USD is half, above a 40 % limit.
    const insights = concentrationInsights(
      [asset("US", 100_00n, { amount: money(100_00n, "USD"), bank: "x" }), asset("EU", 50_00n, { bank: "y" })],
      "EUR",
      40,
      rates,
      source,
    );
    const currency = insights.find((i) => i.figures.dimension === "currency");
    expect(currency?.figures).toMatchObject({ key: "USD", amount: money(50_00n, "EUR"), total: money(100_00n, "EUR"), share: 0.5, limit: 0.4 });
  });

  it("names an issuer only when it has two securities, and counts one ISIN at two banks as one position", () => {
    const shares = [
      asset("US0378331005", 30_00n, { issuer: "US:037833", label: "Apple ord." }),
      asset("US0378331005", 10_00n, { issuer: "US:037833", label: "Apple ord.", bank: "b2", bankName: "b2" }),
      asset("US0378332003", 5_00n, { issuer: "US:037833", label: "Apple bond" }),
      other("Z", 55_00n, "b3"),
    ];
    const keys = concentrationInsights(shares, "EUR", 30, rates, source).map((i) => `${i.figures.dimension}:${i.figures.key}`);
    expect(keys).toContain("position:US0378331005");
    expect(keys).toContain("issuer:US:037833");
  });

  it("reads the issuer from US and Spanish ISINs only", () => {
    expect(issuerKeyOf("US0378331005")).toBe("US:037833");
    expect(issuerKeyOf("ES0113900J37")).toBe("ES:1139");
    expect(issuerKeyOf("DE0007164600")).toBeNull();
    expect(issuerKeyOf("BTC")).toBeNull();
  });
});
