import { describe, expect, it } from "vitest";
import { money } from "@/lib/money/money";
import { roundHalfEven } from "./exact-rate";
import { FxRates } from "./fx-rates";

const rates = new FxRates([
  { day: "2026-12-03", currency: "USD", perEuro: "1.0800" },
  { day: "2026-12-04", currency: "USD", perEuro: "1.0823" },
  { day: "2026-12-04", currency: "JPY", perEuro: "161.25" },
  { day: "2026-12-04", currency: "GBP", perEuro: "0.84" },
  // Three-decimal currencies are not in the ECB's list; a source that adds them is read the same way.
  { day: "2026-12-04", currency: "KWD", perEuro: "0.332" },
  { day: "2026-12-04", currency: "BHD", perEuro: "0.4" },
]);

describe("FxRates", () => {
  it("rounds once, half to even, in the base currency's minor unit", () => {
    expect(roundHalfEven({ num: 5n, den: 2n })).toBe(2n);
    expect(roundHalfEven({ num: 7n, den: 2n })).toBe(4n);
    expect(roundHalfEven({ num: -5n, den: 2n })).toBe(-2n);
    expect(roundHalfEven({ num: -7n, den: 2n })).toBe(-4n);
    expect(roundHalfEven({ num: 251n, den: 100n })).toBe(3n);
    // 1 USD = 1/1.0823 EUR = 0.92396…: 92 cents; 1 000 USD = 923.96 EUR.
    expect(rates.convert(money(100n, "USD"), "EUR")).toEqual(money(92n, "EUR"));
    expect(rates.convert(money(100_000n, "USD"), "EUR")).toEqual(money(92_396n, "EUR"));
    // 0.84 GBP per euro: 0.42 GBP is exactly 0.50 EUR; 0.01 EUR is 0.0084 GBP → 0.01 GBP.
    expect(rates.convert(money(42n, "GBP"), "EUR")).toEqual(money(50n, "EUR"));
    expect(rates.convert(money(1n, "EUR"), "GBP")).toEqual(money(1n, "GBP"));
  });

  it("converts to and from JPY (no minor unit)", () => {
    // 1 234.56 EUR × 161.25 = 199 072.8 JPY → 199 073 JPY.
    expect(rates.convert(money(123_456n, "EUR"), "JPY")).toEqual(money(199_073n, "JPY"));
    // 1 000 JPY / 161.25 = 6.2015… EUR → 6.20 EUR.
    expect(rates.convert(money(1_000n, "JPY"), "EUR")).toEqual(money(620n, "EUR"));
    // A tie at the yen: 0.40 EUR × 161.25 = 64.5 JPY → 64 (even), 0.60 EUR = 96.75 → 97.
    expect(rates.convert(money(40n, "EUR"), "JPY")).toEqual(money(64n, "JPY"));
    expect(rates.convert(money(60n, "EUR"), "JPY")).toEqual(money(97n, "JPY"));
  });

  it("converts into three-decimal currencies (KWD, BHD) in thousandths", () => {
    // 10.00 EUR × 0.332 = 3.320 KWD = 3 320 fils; 0.05 EUR × 0.4 = 0.020 BHD.
    expect(rates.convert(money(1_000n, "EUR"), "KWD")).toEqual(money(3_320n, "KWD"));
    expect(rates.convert(money(5n, "EUR"), "BHD")).toEqual(money(20n, "BHD"));
    // 1.000 KWD = 1/0.332 EUR = 3.01204… → 3.01 EUR.
    expect(rates.convert(money(1_000n, "KWD"), "EUR")).toEqual(money(301n, "EUR"));
  });

  it("crosses through the euro with the two rates of the same day", () => {
    // 100.00 USD → GBP = 100 / 1.0823 × 0.84 = 77.6125… → 77.61 GBP.
    expect(rates.convert(money(10_000n, "USD"), "GBP")).toEqual(money(7_761n, "GBP"));
    // The cross rate is exact, not two rounded legs: via rounded EUR (92.40) it would be 77.62.
    expect(rates.convert(money(10_000n, "USD"), "GBP")).not.toEqual(money(7_762n, "GBP"));
  });

  it("sums exactly and rounds the total once", () => {
    // Three times 0.01 USD = 0.00924 EUR each: rounded each it would be 0.03; exact sum 0.0277 → 0.03,
    // and ten of them 0.0924 → 0.09, where rounding each would say 0.10.
    const cents = Array.from({ length: 10 }, () => money(1n, "USD"));
    expect(rates.convertSum(cents, "EUR").total).toEqual(money(9n, "EUR"));
    const mixed = rates.convertSum([money(100_00n, "EUR"), money(108_23n, "USD"), money(1_000n, "JPY")], "EUR");
    expect(mixed.total).toEqual(money(100_00n + 100_00n + 620n, "EUR"));
    expect(mixed.ratesDay).toBe("2026-12-04");
    expect(mixed.notConverted).toEqual([]);
  });

  it("keeps a currency without a rate apart: never dropped, never counted at 1", () => {
    const result = rates.convertSum([money(5_000n, "EUR"), money(123_400n, "CHF"), money(100n, "CHF"), money(7n, "XXX")], "EUR");
    expect(result.total).toEqual(money(5_000n, "EUR"));
    expect(result.notConverted).toEqual([money(123_500n, "CHF"), money(7n, "XXX")]);
    expect(rates.convert(money(1n, "CHF"), "EUR")).toBeNull();
    // Nothing is known before the first stored day.
    expect(rates.convert(money(100n, "USD"), "EUR", "2026-12-02")).toBeNull();
  });

  it("uses the day's rate for history, the last published one on days without a fixing", () => {
    // 108.00 USD at 1.0800 = 100.00 EUR on 3 December; at 1.0823 on 4 December = 99.79.
    expect(rates.convertSum([money(10_800n, "USD")], "EUR", "2026-12-03")).toEqual({ total: money(10_000n, "EUR"), notConverted: [], ratesDay: "2026-12-03" });
    expect(rates.convertSum([money(10_800n, "USD")], "EUR", "2026-12-04").total).toEqual(money(9_979n, "EUR"));
    // Saturday 5 and Sunday 6 December have no fixing: Friday's rate, and it says so.
    expect(rates.convertSum([money(10_800n, "USD")], "EUR", "2026-12-06")).toEqual({ total: money(9_979n, "EUR"), notConverted: [], ratesDay: "2026-12-04" });
  });

  it("needs no rate for the base currency itself", () => {
    const none = new FxRates([]);
    expect(none.convertSum([money(1n, "EUR")], "EUR")).toEqual({ total: money(1n, "EUR"), notConverted: [], ratesDay: null });
    expect(none.convertSum([money(1n, "USD")], "USD").total).toEqual(money(1n, "USD"));
    expect(none.latestDay).toBeNull();
  });
});
