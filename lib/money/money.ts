/**
 * An exact amount of one currency, in integer minor units. Adding two currencies throws:
 * a total across currencies is never computed silently.
 */
export type TMoney = { readonly minor: bigint; readonly currency: string };

export class CurrencyMismatchError extends Error {
  constructor(left: string, right: string) {
    super(`Cannot combine ${left} with ${right} without a conversion rate`);
    this.name = "CurrencyMismatchError";
  }
}

const exponentCache = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  const code = normalizeCurrency(currency);
  let exponent = exponentCache.get(code);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    exponentCache.set(code, exponent);
  }
  return exponent;
}

export function normalizeCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`Not an ISO 4217 currency code: "${currency}"`);
  return code;
}

export function money(minor: bigint, currency: string): TMoney {
  return { minor, currency: normalizeCurrency(currency) };
}

/**
 * From a decimal string or a JSON number (as Flanks sends them), rounding half away from zero
 * to the currency's minor unit. Numbers go through their shortest decimal representation, so
 * 0.1 + 0.2 style float noise never reaches the amount.
 */
export function moneyFromDecimal(value: string | number, currency: string): TMoney {
  const code = normalizeCurrency(currency);
  return { minor: decimalToMinor(value, currencyExponent(code)), currency: code };
}

export function decimalToMinor(value: string | number, exponent: number): bigint {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
    // Fast path (a sync converts ~200 000 amounts): when the scaled number is within 1e-6 of an
    // integer N, the shortest decimal form d of `value` has |d·10^e − N| < 1e-6 + float error
    // (< 0.5 while |N| < 2^50), so rounding d half away from zero gives N as well.
    const scaled = value * 10 ** exponent;
    const nearest = Math.round(scaled);
    if (Math.abs(scaled - nearest) < 1e-6 && Math.abs(nearest) < 2 ** 50) return BigInt(nearest);
  }
  const text = typeof value === "number" ? plainDecimal(value) : value.trim();
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new RangeError(`Not a decimal amount: "${value}"`);
  const negative = match[1] === "-";
  const whole = match[2] || "0";
  const fraction = match[3] ?? "";
  const kept = fraction.slice(0, exponent).padEnd(exponent, "0");
  let minor = BigInt(whole + kept);
  const nextDigit = fraction.charCodeAt(exponent) - 48;
  if (nextDigit >= 5) minor += 1n;
  return negative && minor !== 0n ? -minor : minor;
}

/**
 * The exact decimal text of a JSON number (its shortest round-trip form, exponent expanded):
 * 0.1 stays "0.1", 1e-7 becomes "0.0000001", without going through floats again.
 */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = "0", exponentText = "0"] = text.toLowerCase().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const [intPart = "0", fracPart = ""] = mantissa.replace("-", "").split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  const plain =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + plain;
}

/** The exact decimal string, e.g. "-1234.50", for Intl and for CSV. */
export function toDecimalString(amount: TMoney): string {
  const exponent = currencyExponent(amount.currency);
  const negative = amount.minor < 0n;
  const digits = (negative ? -amount.minor : amount.minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export function addMoney(left: TMoney, right: TMoney): TMoney {
  if (left.currency !== right.currency) throw new CurrencyMismatchError(left.currency, right.currency);
  return { minor: left.minor + right.minor, currency: left.currency };
}

export function negateMoney(amount: TMoney): TMoney {
  return { minor: -amount.minor, currency: amount.currency };
}

/** Totals per currency, in first-seen order; never one figure across currencies. */
export function sumByCurrency(amounts: Iterable<TMoney>): TMoney[] {
  const totals = new Map<string, TMoney>();
  for (const amount of amounts) {
    const total = totals.get(amount.currency);
    totals.set(amount.currency, total ? addMoney(total, amount) : { minor: amount.minor, currency: amount.currency });
  }
  return [...totals.values()];
}
