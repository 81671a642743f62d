import { currencyExponent, sumByCurrency, type TMoney } from "@/lib/money/money";
import { UNKNOWN_CURRENCY } from "@/lib/wealth/decimal";
import { addRatio, ONE, parseRate, roundHalfEven, type TRatio } from "./exact-rate";

/** One published rate: how many units of `currency` one euro buys on `day` (YYYY-MM-DD), as the source wrote it. */
export type TFxRateRow = { day: string; currency: string; perEuro: string };

export type TConverted = {
  /** The sum of every amount that has a rate, in the base currency, rounded once (half-even) in its minor unit. */
  total: TMoney;
  /** Amounts (summed per currency) without a rate on or before the day: shown apart, never dropped or counted at 1. */
  notConverted: TMoney[];
  /** The newest rate day used (EUR alone needs none: null). */
  ratesDay: string | null;
};

type TDatedRate = { day: string; perEuro: TRatio };

/**
 * The euro reference rates known to Patrimonio, per currency and day. Every conversion goes
 * through the euro (the ECB publishes nothing else): USD → GBP is USD → EUR → GBP with the two
 * rates of the same day, computed exactly and rounded once at the end (decision 050).
 */
export class FxRates {
  private readonly byCurrency = new Map<string, TDatedRate[]>();
  /** The newest day with any rate, or null when none is stored yet. */
  readonly latestDay: string | null;

  constructor(rows: Iterable<TFxRateRow>) {
    let latest: string | null = null;
    for (const row of rows) {
      const perEuro = parseRate(row.perEuro);
      if (!perEuro || row.currency === "EUR") continue;
      const list = this.byCurrency.get(row.currency) ?? [];
      list.push({ day: row.day, perEuro });
      this.byCurrency.set(row.currency, list);
      if (latest === null || row.day > latest) latest = row.day;
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    this.latestDay = latest;
  }

  /** Currencies with at least one rate, EUR included (its rate is 1 by definition). */
  currencies(): string[] {
    return ["EUR", ...[...this.byCurrency.keys()].sort()];
  }

  /**
   * The rate of `currency` on `day` (default: the newest), or the latest published before it
   * (weekends and TARGET holidays have no fixing). EUR is exactly 1. Null: no rate up to that day.
   */
  rateOn(currency: string, day?: string): TDatedRate | null {
    if (currency === "EUR") return { day: day ?? this.latestDay ?? "", perEuro: ONE };
    const list = this.byCurrency.get(currency);
    if (!list || list.length === 0) return null;
    if (day === undefined) return list[list.length - 1] ?? null;
    let low = 0;
    let high = list.length - 1;
    let found: TDatedRate | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const entry = list[middle]!;
      if (entry.day <= day) {
        found = entry;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /** The exact factor from minor units of `from` to minor units of `to` on `day`, or null without both rates. */
  factor(from: string, to: string, day?: string): { ratio: TRatio; day: string | null } | null {
    if (from === UNKNOWN_CURRENCY || to === UNKNOWN_CURRENCY) return null;
    if (from === to) return { ratio: ONE, day: null };
    const source = this.rateOn(from, day);
    const target = this.rateOn(to, day);
    if (!source || !target) return null;
    // minor_to = minor_from / 10^e_from / perEuro_from × perEuro_to × 10^e_to
    const scaleFrom = 10n ** BigInt(currencyExponent(from));
    const scaleTo = 10n ** BigInt(currencyExponent(to));
    const ratio = { num: target.perEuro.num * source.perEuro.den * scaleTo, den: target.perEuro.den * source.perEuro.num * scaleFrom };
    const days = [from === "EUR" ? null : source.day, to === "EUR" ? null : target.day].filter((d): d is string => d !== null);
    return { ratio, day: days.sort().at(-1) ?? null };
  }

  /**
   * The sum of `amounts` in `base`: exact per currency first, then each currency's sum converted
   * exactly, then one rounding of the whole. An amount without a rate is returned apart.
   */
  convertSum(amounts: Iterable<TMoney>, base: string, day?: string): TConverted {
    let exact: TRatio = { num: 0n, den: 1n };
    const notConverted: TMoney[] = [];
    let ratesDay: string | null = null;
    for (const amount of sumByCurrency(amounts)) {
      const factor = this.factor(amount.currency, base, day);
      if (!factor) {
        notConverted.push(amount);
        continue;
      }
      exact = addRatio(exact, { num: amount.minor * factor.ratio.num, den: factor.ratio.den });
      if (factor.day !== null && (ratesDay === null || factor.day > ratesDay)) ratesDay = factor.day;
    }
    return { total: { minor: roundHalfEven(exact), currency: base }, notConverted, ratesDay };
  }

  /** One amount in `base` (rounded half-even), or null without a rate: for weights and sorting, never a shown total of several amounts. */
  convert(amount: TMoney, base: string, day?: string): TMoney | null {
    const factor = this.factor(amount.currency, base, day);
    return factor ? { minor: roundHalfEven({ num: amount.minor * factor.ratio.num, den: factor.ratio.den }), currency: base } : null;
  }
}
