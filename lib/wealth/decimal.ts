import { currencyExponent, decimalToMinor, plainDecimal, toDecimalString } from "@/lib/money/money";

/** Quantities and prices are stored as the exact decimal text of the JSON number (lib/money). */
export { plainDecimal };

/** ISO 4217 "no currency": what a record with a missing or malformed currency code is stored under. */
export const UNKNOWN_CURRENCY = "XXX";

/** A currency code as stored: upper-case ISO 4217, or XXX when Flanks sent something else. */
export function storedCurrency(code: string | null | undefined): string {
  const text = (code ?? "").trim().toUpperCase();
  return /^[A-Z]{3}$/.test(text) ? text : UNKNOWN_CURRENCY;
}

/** Minor units of an amount (a JSON number or a decimal string) in a stored currency code (XXX has no minor unit in Intl: 2 is used). */
export function toMinor(value: number | string, currency: string): bigint {
  return decimalToMinor(value, currency === UNKNOWN_CURRENCY ? 2 : currencyExponent(currency));
}

export function toMinorOrNull(value: number | null | undefined, currency: string): bigint | null {
  return value === null || value === undefined ? null : toMinor(value, currency);
}

/** Minor units back to the exact decimal string ("-1234.50"). */
export function minorToDecimal(minor: bigint, currency: string): string {
  if (currency === UNKNOWN_CURRENCY) {
    const negative = minor < 0n;
    const digits = (negative ? -minor : minor).toString().padStart(3, "0");
    return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  }
  return toDecimalString({ minor, currency });
}

/** Parses a user-typed amount ("1.234,56" is not accepted: a dot or a comma as the decimal mark, no grouping). */
export function parseUserAmount(text: string): string | null {
  const normalized = text.trim().replace(",", ".");
  return /^-?\d{1,15}(\.\d{1,6})?$/.test(normalized) ? normalized : null;
}
