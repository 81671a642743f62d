import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { money } from "@/lib/money/money";
import { depositGuaranteeInsights, type TCashHolding } from "./deposit-guarantee";

const rates = new FxRates([{ day: "2026-12-04", currency: "USD", perEuro: "1.25" }]);
const asOf = () => "2026-12-05";
const cash = (minor: bigint, extra: Partial<TCashHolding> = {}): TCashHolding => ({
  entity: "banco-meseta",
  entityName: "Banco Meseta",
  balance: money(minor, "EUR"),
  owners: [],
  numOwners: 1,
  kind: "accounts",
  ...extra,
});

describe("depositGuaranteeInsights", () => {
  it("leaves exactly 100 000 € covered and flags one cent more", () => {
    expect(depositGuaranteeInsights([cash(10_000_000n)], "Ana Ruiz", rates, asOf)).toEqual([]);
    const [insight] = depositGuaranteeInsights([cash(6_000_000n), cash(4_000_001n)], "Ana Ruiz", rates, asOf);
    expect(insight?.figures.cash).toEqual(money(10_000_001n, "EUR"));
    expect(insight?.figures.uncovered).toEqual(money(1n, "EUR"));
    expect(insight?.figures.holder).toBe("Ana Ruiz");
    expect(insight?.source).toEqual({ data: ["accounts"], banks: ["Banco Meseta"], asOf: "2026-12-05", ratesDay: null });
  });

  it("splits a joint account equally among its holders, named or counted", () => {
    // 180 000 € held by two: 90 000 € each, under the cover; with 30 000 € of her own she is 20 000 € over.
    const joint = cash(18_000_000n, { owners: ["Ana Ruiz"], numOwners: 2 });
    expect(depositGuaranteeInsights([joint], "Ana Ruiz", rates, asOf)).toEqual([]);
    const [insight] = depositGuaranteeInsights([joint, cash(3_000_000n, { owners: ["Ana Ruiz"] })], "Ana Ruiz", rates, asOf);
    expect(insight?.figures.cash).toEqual(money(12_000_000n, "EUR"));
    expect(insight?.figures.uncovered).toEqual(money(2_000_000n, "EUR"));
    expect(insight?.figures.jointAccounts).toBe(1);
  });

  it("counts each named holder of a joint account at their own share", () => {
    const joint = cash(30_000_000n, { owners: ["Ana Ruiz", "Luis Gil"], numOwners: 2 });
    const insights = depositGuaranteeInsights([joint], "Ana Ruiz", rates, asOf);
    expect(insights.map((i) => [i.figures.holder, i.figures.uncovered.minor])).toEqual([
      ["Ana Ruiz", 5_000_000n],
      ["Luis Gil", 5_000_000n],
    ]);
  });

  it("is per entity: the same holder at two banks is covered twice", () => {
    const other = cash(9_000_000n, { entity: "banca-alhambra", entityName: "Banca Privada Alhambra" });
    expect(depositGuaranteeInsights([cash(9_000_000n), other], "Ana Ruiz", rates, asOf)).toEqual([]);
  });

  it("converts other currencies to EUR at the stored rate and says so; without a rate, lists them apart", () => {
    const usd = cash(2_500_000n, { balance: money(2_500_000n, "USD") });
    const [insight] = depositGuaranteeInsights([cash(9_000_000n), usd], "Ana Ruiz", rates, asOf);
    // 25 000 USD / 1.25 = 20 000 €.
    expect(insight?.figures.cash).toEqual(money(11_000_000n, "EUR"));
    expect(insight?.figures.convertedCurrencies).toEqual(["USD"]);
    expect(insight?.source.ratesDay).toBe("2026-12-04");
    const chf = cash(5_000_000n, { balance: money(5_000_000n, "CHF") });
    const [withChf] = depositGuaranteeInsights([cash(10_500_000n), chf], "Ana Ruiz", rates, asOf);
    expect(withChf?.figures.cash).toEqual(money(10_500_000n, "EUR"));
    expect(withChf?.figures.notConverted).toEqual([money(5_000_000n, "CHF")]);
  });

  it("treats the same holder written differently by two products as one depositor", () => {
    const [insight] = depositGuaranteeInsights(
      [cash(6_000_000n, { owners: ["ANA  RUIZ"] }), cash(6_000_000n, { owners: ["Ana Ruiz"], kind: "deposits" })],
      "x",
      rates,
      asOf,
    );
    expect(insight?.figures.cash).toEqual(money(12_000_000n, "EUR"));
    expect(insight?.source.data).toEqual(["accounts", "deposits"]);
  });
});
