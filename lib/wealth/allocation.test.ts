import { describe, expect, it } from "vitest";
import { allocate } from "./allocation";
import { aggregatePerformance, parsePerformanceDetail } from "./performance";
import { buildHistory, computeSnapshot } from "./snapshot";
import { issuerCountryOf } from "./issuer-country";

describe("allocate", () => {
  it("gives shares that add up to exactly 100 %", () => {
    const slices = allocate([
      { key: "a", minor: 1n },
      { key: "b", minor: 1n },
      { key: "c", minor: 1n },
    ]);
    expect(slices.reduce((sum, s) => sum + (s.basisPoints ?? 0), 0)).toBe(10_000);
    for (let seed = 1; seed < 200; seed++) {
      const items = Array.from({ length: (seed % 12) + 1 }, (_, i) => ({ key: `k${i}`, minor: BigInt(((seed * 7919 * (i + 3)) % 100_003) + 1) }));
      const total = allocate(items).reduce((sum, s) => sum + (s.basisPoints ?? 0), 0);
      expect(total).toBe(10_000);
    }
  });

  it("groups by key, sorts by amount and leaves negative groups without a share", () => {
    const slices = allocate([
      { key: "VI", minor: 300n },
      { key: "F", minor: 100n },
      { key: "VI", minor: 300n },
      { key: "CFD", minor: -50n },
    ]);
    expect(slices.map((s) => [s.key, s.minor, s.basisPoints])).toEqual([
      ["VI", 600n, 8571],
      ["F", 100n, 1429],
      ["CFD", -50n, null],
    ]);
  });

  it("gives no shares when nothing is positive", () => {
    expect(allocate([{ key: "x", minor: 0n }])[0]?.basisPoints).toBeNull();
    expect(allocate([])).toEqual([]);
  });
});

describe("aggregatePerformance", () => {
  it("weights each position's ratio by its value and skips missing figures", () => {
    const result = aggregatePerformance([
      { minor: 300_00n, performance: { YTD: 0.1, MTD: 0.02 } },
      { minor: 100_00n, performance: { YTD: -0.2, MTD: null } },
      { minor: 50_00n, performance: null },
    ]);
    const ytd = result.find((r) => r.period === "YTD")!;
    expect(ytd.ratio).toBeCloseTo((300 * 0.1 + 100 * -0.2) / 400, 12);
    expect(ytd.coveredMinor).toBe(400_00n);
    expect(ytd.totalMinor).toBe(450_00n);
    expect(result.find((r) => r.period === "MTD")!.ratio).toBeCloseTo(0.02, 12);
    expect(result.find((r) => r.period === "Yearly")!.ratio).toBeNull();
    expect(result.map((r) => r.period)).toEqual(["MTD", "QTD", "HalfYear", "YTD", "Yearly", "InitialToDate", "InitialToDateYearly"]);
  });

  it("parses stored JSON leniently", () => {
    expect(parsePerformanceDetail('{"YTD":0.05,"MTD":"x"}')).toMatchObject({ YTD: 0.05, MTD: null });
    expect(parsePerformanceDetail("not json")).toBeNull();
  });

  it("reads the half-year under each of the reference's spellings", () => {
    expect(parsePerformanceDetail('{"Halfyear":0.031}')?.HalfYear).toBe(0.031);
    expect(parsePerformanceDetail('{"HalfYear":0.02}')?.HalfYear).toBe(0.02);
    expect(parsePerformanceDetail('{"half_year":-0.01,"ytd":0.04}')).toMatchObject({ HalfYear: -0.01, YTD: 0.04 });
    // Both sent: the reference's own key wins, whatever the order.
    expect(parsePerformanceDetail('{"HalfYear":0.05,"Halfyear":0.07}')?.HalfYear).toBe(0.05);
    expect(parsePerformanceDetail('{"Halfyear":0.07,"HalfYear":0.05}')?.HalfYear).toBe(0.05);
  });
});

describe("snapshots and history", () => {
  it("computes assets and liabilities per currency, never across", () => {
    const snapshot = computeSnapshot({
      accounts: [
        { currency: "EUR", balanceMinor: 1000n },
        { currency: "USD", balanceMinor: 500n },
      ],
      investments: [
        { currency: "EUR", type: "VI", balanceMinor: 2000n },
        { currency: "EUR", type: "ZZ", balanceMinor: 1n },
      ],
      liabilities: [{ currency: "EUR", balanceMinor: 700n }],
    });
    expect(snapshot).toEqual([
      { currency: "EUR", assetsMinor: 3001n, liabilitiesMinor: 700n, byType: { ACCOUNTS: 1000n, VI: 2000n, ZZ: 1n } },
      { currency: "USD", assetsMinor: 500n, liabilitiesMinor: 0n, byType: { ACCOUNTS: 500n } },
    ]);
  });

  it("carries each connection's latest snapshot forward", () => {
    const history = buildHistory([
      { connectionId: "a", day: "2025-01-01", currency: "EUR", assetsMinor: 100n, liabilitiesMinor: 10n },
      { connectionId: "b", day: "2025-01-02", currency: "EUR", assetsMinor: 50n, liabilitiesMinor: 0n },
      { connectionId: "a", day: "2025-01-03", currency: "EUR", assetsMinor: 120n, liabilitiesMinor: 10n },
      { connectionId: "b", day: "2025-01-02", currency: "USD", assetsMinor: 7n, liabilitiesMinor: 0n },
    ]);
    expect(history.get("EUR")!.map((p) => [p.day, p.assetsMinor, p.netMinor])).toEqual([
      ["2025-01-01", 100n, 90n],
      ["2025-01-02", 150n, 140n],
      ["2025-01-03", 170n, 160n],
    ]);
    expect(history.get("USD")!.map((p) => p.assetsMinor)).toEqual([0n, 7n, 7n]);
  });
});

describe("issuer country", () => {
  it("reads the ISIN prefix of valid ISINs only", () => {
    expect(issuerCountryOf("US0378331005")).toBe("US");
    expect(issuerCountryOf("ES0113900J37")).toBe("ES");
    expect(issuerCountryOf("US0378331006")).toBeNull();
    expect(issuerCountryOf("N4521")).toBeNull();
    expect(issuerCountryOf("LIQUIDITY-EUR")).toBeNull();
    expect(issuerCountryOf("BTC")).toBeNull();
  });
});
