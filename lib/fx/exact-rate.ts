/**
 * Exchange rates as exact fractions of BigInts: the ECB publishes "1.0823" as text, and a rate
 * read through a float would already be wrong in its 17th digit before any conversion.
 */
export type TRatio = { readonly num: bigint; readonly den: bigint };

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** A positive decimal rate such as "1.0823" or "161.25"; anything else (zero, a sign, an exponent) is refused. */
export function parseRate(text: string): TRatio | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  const num = BigInt((match[1] ?? "0") + fraction);
  if (num === 0n) return null;
  return { num, den: 10n ** BigInt(fraction.length) };
}

export const ONE: TRatio = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function reduce(value: TRatio): TRatio {
  const divisor = gcd(value.num, value.den);
  return divisor > 1n ? { num: value.num / divisor, den: value.den / divisor } : value;
}

export function addRatio(a: TRatio, b: TRatio): TRatio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

/**
 * The nearest integer, ties to the even neighbour (banker's rounding, decision 050): a tie is
 * rounded up as often as down, so totals of many conversions carry no drift.
 */
export function roundHalfEven(value: TRatio): bigint {
  const negative = value.num < 0n !== value.den < 0n;
  const num = value.num < 0n ? -value.num : value.num;
  const den = value.den < 0n ? -value.den : value.den;
  let quotient = num / den;
  const twiceRemainder = (num % den) * 2n;
  if (twiceRemainder > den || (twiceRemainder === den && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** A ratio as a decimal string with at most `digits` fraction digits (half-even), for a page that shows the rate used. */
export function ratioToDecimal(value: TRatio, digits: number): string {
  const scaled = roundHalfEven({ num: value.num * 10n ** BigInt(digits), den: value.den });
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? text.slice(text.length - digits).replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
