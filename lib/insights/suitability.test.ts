import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { money } from "@/lib/money/money";
import { emptyFamilies, type TInvestmentProfile } from "./investment-profile";
import { suitabilityInsights, type TFamilyPosition } from "./suitability";

const rates = new FxRates([]);
const options = { hasMifidSuggestion: false, source: { banks: ["Banco Meseta"], asOf: "2026-12-05", ratesDay: null } };
const position = (name: string, family: TFamilyPosition["family"], minor: bigint): TFamilyPosition => ({ name, family, amount: money(minor, "EUR") });
const profile = (riskLevel: number, covered: (keyof TInvestmentProfile["families"])[]): TInvestmentProfile => {
  const families = emptyFamilies();
  for (const family of covered) families[family] = { knowledge: true, experience: true };
  return { riskLevel, families };
};
const holdings = [position("Fondo Meseta", "FUNDS", 80_00n), position("Futuro IBEX", "DERIVATIVES", 20_00n)];
const total = money(100_00n, "EUR");

describe("suitabilityInsights", () => {
  it("does not flag derivatives when the profile covers them and the risk level allows their share", () => {
    expect(suitabilityInsights(profile(4, ["FUNDS", "DERIVATIVES"]), holdings, total, rates, options)).toEqual([]);
  });

  it("flags a family held without knowledge and experience", () => {
    const insights = suitabilityInsights(profile(5, ["FUNDS"]), holdings, total, rates, options);
    expect(insights.map((i) => i.kind)).toEqual(["unsuitableFamily"]);
    expect(insights[0]?.figures).toMatchObject({ family: "DERIVATIVES", amount: money(20_00n, "EUR"), positions: 1, examples: ["Futuro IBEX"] });
  });

  it("needs both knowledge and experience: knowledge alone does not cover a family", () => {
    const p = profile(5, ["FUNDS"]);
    p.families.DERIVATIVES = { knowledge: true, experience: false };
    expect(suitabilityInsights(p, holdings, total, rates, options).map((i) => i.kind)).toEqual(["unsuitableFamily"]);
  });

  it("flags a complex share above the risk level's allowance, not one exactly at it", () => {
    // Risk level 4 allows 30 %: 30 € of 100 € is at the allowance; 30.01 € is above.
    const at = [position("Fondo", "FUNDS", 70_00n), position("Cripto", "CRYPTO", 30_00n)];
    expect(suitabilityInsights(profile(4, ["FUNDS", "CRYPTO"]), at, total, rates, options)).toEqual([]);
    const above = [position("Fondo", "FUNDS", 69_99n), position("Cripto", "CRYPTO", 30_01n)];
    const [insight] = suitabilityInsights(profile(4, ["FUNDS", "CRYPTO"]), above, total, rates, options);
    expect(insight?.kind).toBe("complexShare");
    expect(insight?.figures).toMatchObject({ allowedShare: 0.3, riskLevel: 4, families: ["CRYPTO"] });
  });

  it("asks for a profile when none is recorded and the client holds investments; ignores cash-like positions", () => {
    const [insight] = suitabilityInsights(null, holdings, total, rates, { ...options, hasMifidSuggestion: true });
    expect(insight).toMatchObject({ kind: "profileMissing", needsAction: true, figures: { suggestedFromMifid: true } });
    expect(suitabilityInsights(null, [position("Depósito", null, 100_00n)], total, rates, options)).toEqual([]);
  });
});
