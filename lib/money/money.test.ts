import { describe, expect, it } from "vitest";
import { addMoney, CurrencyMismatchError, currencyExponent, decimalToMinor, moneyFromDecimal, negateMoney, sumByCurrency, toDecimalString } from "./money";

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
