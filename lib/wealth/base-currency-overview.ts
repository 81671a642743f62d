import type { FxRates } from "@/lib/fx/fx-rates";
import { money, type TMoney } from "@/lib/money/money";
import { allocate, type TAllocationSlice } from "./allocation";
import type { TAggregatePerformance } from "./performance";
import type { THistoryPoint } from "./snapshot";

/** One currency's figures: the overview's per-currency block (get-wealth-overview.ts), and what this converts. */
export type TCurrencyFigures = {
  currency: string;
  assets: TMoney;
  liabilities: TMoney;
  net: TMoney;
  /** Investment type codes as sent (unknown ones included) plus ACCOUNTS for cash accounts. */
  byType: TAllocationSlice[];
  /** By Flanks `entity` (the bank or broker holding it): accounts and positions. */
  byBank: TAllocationSlice[];
  /** Positions only, by ISIN prefix; NONE for products without an ISIN (pension plan codes, crypto, liquidity). */
  byIssuerCountry: TAllocationSlice[];
  performance: TAggregatePerformance[];
  history: THistoryPoint[];
};

/** Today's totals of one currency: what a client's overview and a household (household-wealth.ts) both have. */
export type TCurrencyTotals = Pick<TCurrencyFigures, "currency" | "assets" | "liabilities" | "net" | "byType" | "byBank">;

export type TBaseCurrencyTotals = TCurrencyTotals & {
  /** The newest ECB fixing day used for today's figures (null: only the base currency itself). */
  ratesDay: string | null;
  /** Currencies without a rate: their own figures, shown apart and never inside the totals above. */
  notConverted: { currency: string; assets: TMoney; liabilities: TMoney; net: TMoney }[];
  /** Assets held in each currency (with a rate), converted: the allocation by currency. */
  byCurrency: TAllocationSlice[];
};

/**
 * A history day that cannot be converted (a currency held that day had no rate on or before it):
 * it keeps its place on the time axis without figures, so the chart breaks there instead of
 * drawing a line across it as if the wealth were known.
 */
export type THistoryGap = { day: string; assetsMinor: null; liabilitiesMinor: null; netMinor: null };
export type TBaseHistoryPoint = THistoryPoint | THistoryGap;

export function isHistoryGap(point: TBaseHistoryPoint): point is THistoryGap {
  return point.netMinor === null;
}

export type TBaseCurrencyFigures = Omit<TCurrencyFigures, "history"> &
  TBaseCurrencyTotals & {
    /** Every history day, converted at its own rates; a day without a rate is a gap. */
    history: TBaseHistoryPoint[];
    /** How many history days are gaps. */
    historyDaysWithoutRate: number;
  };

/**
 * Today's totals in one base currency (decision 050): each figure an exact sum per currency first,
 * converted at the ECB rates of the day and rounded once. Assets and liabilities are each rounded
 * once; net is their difference, so the three always agree. A currency without a rate is listed
 * apart, never inside a total. The client overview and the household page both convert through here.
 */
export function toBaseCurrencyTotals(currencies: readonly TCurrencyTotals[], base: string, rates: FxRates): TBaseCurrencyTotals {
  const convertible = currencies.filter((entry) => rates.factor(entry.currency, base) !== null);
  const notConverted = currencies
    .filter((entry) => !convertible.includes(entry))
    .map(({ currency, assets, liabilities, net }) => ({ currency, assets, liabilities, net }));
  const sum = (pick: (entry: TCurrencyTotals) => TMoney) => rates.convertSum(convertible.map(pick), base);
  const assets = sum((entry) => entry.assets);
  const liabilities = sum((entry) => entry.liabilities);
  return {
    currency: base,
    assets: assets.total,
    liabilities: liabilities.total,
    net: money(assets.total.minor - liabilities.total.minor, base),
    byType: regroupSlices(convertible, (entry) => entry.byType, base, rates),
    byBank: regroupSlices(convertible, (entry) => entry.byBank, base, rates),
    byCurrency: allocate(convertible.map((entry) => ({ key: entry.currency, minor: rates.convertSum([entry.assets], base).total.minor }))),
    ratesDay:
      [assets.ratesDay, liabilities.ratesDay]
        .filter((day): day is string => day !== null)
        .sort()
        .at(-1) ?? null,
    notConverted,
  };
}

/**
 * One client's figures in one base currency: today's totals (toBaseCurrencyTotals), the allocation by
 * issuer country and the performance alike, and the history converted each day at that day's rate
 * (the last fixing on or before it), never at today's.
 */
export function toBaseCurrency(currencies: readonly TCurrencyFigures[], base: string, rates: FxRates): TBaseCurrencyFigures {
  const convertible = currencies.filter((entry) => rates.factor(entry.currency, base) !== null);
  const { history, daysWithoutRate } = convertHistory(convertible, base, rates);
  return {
    ...toBaseCurrencyTotals(currencies, base, rates),
    byIssuerCountry: regroupSlices(convertible, (entry) => entry.byIssuerCountry, base, rates),
    performance: weightPerformance(convertible, base, rates),
    history,
    historyDaysWithoutRate: daysWithoutRate,
  };
}

/** The slices of every currency with the same key, converted and added up (one rounding a slice), then shared out again. */
function regroupSlices<T extends { currency: string }>(
  convertible: readonly T[],
  pick: (entry: T) => TAllocationSlice[],
  base: string,
  rates: FxRates,
): TAllocationSlice[] {
  const byKey = new Map<string, TMoney[]>();
  for (const entry of convertible) {
    for (const slice of pick(entry)) {
      const list = byKey.get(slice.key);
      if (list) list.push(money(slice.minor, entry.currency));
      else byKey.set(slice.key, [money(slice.minor, entry.currency)]);
    }
  }
  return allocate([...byKey].map(([key, amounts]) => ({ key, minor: rates.convertSum(amounts, base).total.minor })));
}

/**
 * Each currency's period return weighted by the base-currency value of the positions that have a
 * figure: the same market-value weighting as within one currency (lib/wealth/performance.ts).
 */
function weightPerformance(currencies: readonly TCurrencyFigures[], base: string, rates: FxRates): TAggregatePerformance[] {
  const periods = currencies[0]?.performance.map((p) => p.period) ?? [];
  const inBase = (minor: bigint, currency: string) => rates.convert(money(minor, currency), base)?.minor ?? 0n;
  return periods.map((period, index) => {
    let covered = 0n;
    let total = 0n;
    let weighted = 0;
    for (const entry of currencies) {
      const figure = entry.performance[index];
      if (!figure) continue;
      total += inBase(figure.totalMinor, entry.currency);
      if (figure.ratio === null) continue;
      const weight = inBase(figure.coveredMinor, entry.currency);
      covered += weight;
      weighted += Number(weight) * figure.ratio;
    }
    return { period, ratio: covered > 0n ? weighted / Number(covered) : null, coveredMinor: covered, totalMinor: total };
  });
}

/** Every currency's history has the same days (buildHistory): each day is converted at that day's rates. */
function convertHistory(currencies: readonly TCurrencyFigures[], base: string, rates: FxRates): { history: TBaseHistoryPoint[]; daysWithoutRate: number } {
  const days = currencies[0]?.history.map((point) => point.day) ?? [];
  const history: TBaseHistoryPoint[] = [];
  let daysWithoutRate = 0;
  days.forEach((day, index) => {
    const points = currencies.map((entry) => ({ currency: entry.currency, point: entry.history[index] }));
    const held = points.filter(({ point }) => point && (point.assetsMinor !== 0n || point.liabilitiesMinor !== 0n));
    const assets = rates.convertSum(
      held.map(({ currency, point }) => money(point!.assetsMinor, currency)),
      base,
      day,
    );
    const liabilities = rates.convertSum(
      held.map(({ currency, point }) => money(point!.liabilitiesMinor, currency)),
      base,
      day,
    );
    if (assets.notConverted.length > 0 || liabilities.notConverted.length > 0) {
      daysWithoutRate++;
      history.push({ day, assetsMinor: null, liabilitiesMinor: null, netMinor: null });
      return;
    }
    history.push({ day, assetsMinor: assets.total.minor, liabilitiesMinor: liabilities.total.minor, netMinor: assets.total.minor - liabilities.total.minor });
  });
  return { history, daysWithoutRate };
}
