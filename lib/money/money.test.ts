import { describe, expect, it } from "vitest";
import {
  addMoney,
  CurrencyMismatchError,
  currencyExponent,
  decimalToMinor,
  moneyFromDecimal,
  negateMoney,
  plainDecimal,
  sumByCurrency,
  toDecimalString,
} from "./money";

describe("money", () => {
  it("reads Flanks floats exactly, without float noise", () => {
    expect(moneyFromDecimal(0.1 + 0.2, "EUR").minor).toBe(30n);
    expect(moneyFromDecimal(1234.56, "eur")).toEqual({ minor: 123456n, currency: "EUR" });
    expect(moneyFromDecimal("-0.005", "EUR").minor).toBe(-1n);
    expect(moneyFromDecimal(1.005, "EUR").minor).toBe(101n);
    expect(moneyFromDecimal("12345678901234567.89", "USD").minor).toBe(1234567890123456789n);
    expect(moneyFromDecimal(1e-7, "EUR").minor).toBe(0n);
    expect(moneyFromDecimal(1.5e21, "EUR").minor).toBe(150000000000000000000000n);
  });

  it("converts a number exactly as its decimal text, half away from zero (the fast path agrees with the exact one)", () => {
    const values = [1.005, -1.005, 2.675, 0.125, -0.125, 1e-9, -1e-9, 0.0000001, 123456789.99, 1.0000000001, -1.009999999, 1e21, 9007199254740.99];
    // Seeded, so a failure names values that reproduce.
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const digits = Math.floor(random() * 5);
      values.push(Number(((random() - 0.5) * 10 ** Math.floor(random() * 12)).toFixed(digits)), (random() - 0.5) * 10 ** Math.floor(random() * 8));
    }
    const mismatches: string[] = [];
    for (const value of values) {
      for (const exponent of [0, 2, 3]) {
        const fromNumber = decimalToMinor(value, exponent);
        const fromText = decimalToMinor(plainDecimal(value), exponent);
        if (fromNumber !== fromText) mismatches.push(`${value} e${exponent}: ${fromNumber} ≠ ${fromText}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("knows each currency's minor unit", () => {
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(moneyFromDecimal(1234.6, "JPY").minor).toBe(1235n);
  });

  it("rejects what is not an amount or a currency", () => {
    expect(() => decimalToMinor("12,5", 2)).toThrow(RangeError);
    expect(() => decimalToMinor("", 2)).toThrow(RangeError);
    expect(() => decimalToMinor(Number.NaN, 2)).toThrow(RangeError);
    expect(() => moneyFromDecimal(1, "EURO")).toThrow(RangeError);
  });

  it("prints the exact decimal", () => {
    expect(toDecimalString({ minor: -5n, currency: "EUR" })).toBe("-0.05");
    expect(toDecimalString({ minor: 123456n, currency: "EUR" })).toBe("1234.56");
    expect(toDecimalString({ minor: 7n, currency: "JPY" })).toBe("7");
  });

  it("refuses to add two currencies", () => {
    expect(() => addMoney(moneyFromDecimal(1, "EUR"), moneyFromDecimal(1, "USD"))).toThrow(CurrencyMismatchError);
    expect(addMoney(moneyFromDecimal(1.1, "EUR"), negateMoney(moneyFromDecimal(0.2, "EUR"))).minor).toBe(90n);
  });

  it("sums per currency, to the cent", () => {
    const amounts = [...Array(1000)].map(() => moneyFromDecimal(0.1, "EUR")).concat([moneyFromDecimal(5.55, "USD"), moneyFromDecimal(-0.55, "USD")]);
    expect(sumByCurrency(amounts)).toEqual([
      { currency: "EUR", minor: 10000n },
      { currency: "USD", minor: 500n },
    ]);
  });
});
