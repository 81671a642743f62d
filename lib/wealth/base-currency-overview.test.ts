import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { money } from "@/lib/money/money";
import { toBaseCurrency } from "./base-currency-overview";
import { currencyFigures } from "./test/currency-figures";

const rates = new FxRates([
  { day: "2026-12-01", currency: "USD", perEuro: "1.25" },
  { day: "2026-12-04", currency: "USD", perEuro: "1.0823" },
]);

const gap = (day: string) => ({ day, assetsMinor: null, liabilitiesMinor: null, netMinor: null });

describe("toBaseCurrency", () => {
  it("adds the currencies at today's rate, by type and bank too, and says the rate day", () => {
    const result = toBaseCurrency(
      [
        currencyFigures("EUR", 100_000n, 20_000n),
        currencyFigures("USD", 108_230n, 0n, { performance: [{ period: "YTD", ratio: 0.4, coveredMinor: 108_230n, totalMinor: 108_230n }] }),
      ],
      "EUR",
      rates,
    );
    // 1 082.30 USD / 1.0823 = 1 000.00 EUR.
    expect(result.assets).toEqual(money(200_000n, "EUR"));
    expect(result.liabilities).toEqual(money(20_000n, "EUR"));
    expect(result.net).toEqual(money(180_000n, "EUR"));
    expect(result.byType).toEqual([{ key: "ACCOUNTS", minor: 200_000n, basisPoints: 10_000 }]);
    expect(result.ratesDay).toBe("2026-12-04");
    // Weighted by the value in euros: (1 000 × 0.1 + 1 000 × 0.4) / 2 000.
    expect(result.performance[0]?.ratio).toBeCloseTo(0.25, 12);
    expect(result.notConverted).toEqual([]);
  });

  it("shows a currency without a rate apart, out of every total", () => {
    const result = toBaseCurrency([currencyFigures("EUR", 100_000n, 0n), currencyFigures("CHF", 123_400n, 100n)], "EUR", rates);
    expect(result.assets).toEqual(money(100_000n, "EUR"));
    expect(result.byBank).toEqual([{ key: "testbank", minor: 100_000n, basisPoints: 10_000 }]);
    expect(result.notConverted).toEqual([{ currency: "CHF", assets: money(123_400n, "CHF"), liabilities: money(100n, "CHF"), net: money(123_300n, "CHF") }]);
  });

  it("converts each history day at that day's rate, not today's, and keeps days before any rate as gaps", () => {
    const point = (day: string, minor: bigint) => ({ day, assetsMinor: minor, liabilitiesMinor: 0n, netMinor: minor });
    const result = toBaseCurrency(
      [
        currencyFigures("EUR", 0n, 0n, { history: [point("2026-11-30", 0n), point("2026-12-02", 0n), point("2026-12-05", 0n)] }),
        currencyFigures("USD", 12_500n, 0n, { history: [point("2026-11-30", 12_500n), point("2026-12-02", 12_500n), point("2026-12-05", 12_500n)] }),
      ],
      "EUR",
      rates,
    );
    // 125.00 USD at 1.25 on 2 December = 100.00 EUR; at 1.0823 on Saturday 5 December (Friday's fixing) = 115.49 EUR.
    expect(result.history).toEqual([gap("2026-11-30"), point("2026-12-02", 10_000n), point("2026-12-05", 11_549n)]);
    expect(result.historyDaysWithoutRate).toBe(1);
  });

  it("keeps a day between two known ones as a gap at its date, so the history is not drawn across it", () => {
    const point = (day: string, minor: bigint) => ({ day, assetsMinor: minor, liabilitiesMinor: 0n, netMinor: minor });
    const days = ["2026-12-01", "2026-12-02", "2026-12-04"];
    // GBP is held on 2 December only, and its first rate is of 3 December: that day cannot be converted.
    const gbpRates = new FxRates([
      { day: "2026-12-01", currency: "USD", perEuro: "1.25" },
      { day: "2026-12-03", currency: "GBP", perEuro: "0.85" },
    ]);
    const result = toBaseCurrency(
      [
        currencyFigures("EUR", 10_000n, 0n, { history: days.map((day) => point(day, 10_000n)) }),
        currencyFigures("GBP", 0n, 0n, { history: [point(days[0]!, 0n), point(days[1]!, 8_500n), point(days[2]!, 0n)] }),
      ],
      "EUR",
      gbpRates,
    );
    expect(result.history).toEqual([point("2026-12-01", 10_000n), gap("2026-12-02"), point("2026-12-04", 10_000n)]);
    expect(result.historyDaysWithoutRate).toBe(1);
  });
});
