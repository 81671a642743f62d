/** The periods of `performance_detail`, in the reference's order. */
export const PERFORMANCE_PERIODS = ["MTD", "QTD", "HalfYear", "YTD", "Yearly", "InitialToDate", "InitialToDateYearly"] as const;
export type TPerformancePeriod = (typeof PERFORMANCE_PERIODS)[number];
export type TPerformanceDetail = Partial<Record<TPerformancePeriod, number | null>>;

export type TWeightedPosition = { minor: bigint; performance: TPerformanceDetail | null };

export type TAggregatePerformance = {
  period: TPerformancePeriod;
  /** Ratio over 1, or null when no position gives a figure for the period. */
  ratio: number | null;
  /** Value of the positions that have a figure, in minor units (the weight's denominator). */
  coveredMinor: bigint;
  totalMinor: bigint;
};

/** A period key compared without case, spaces, "_" or "-": "HalfYear", "Halfyear" and "half_year" are one key. */
const periodKey = (key: string) => key.toLowerCase().replace(/[\s_-]/g, "");
const PERIOD_BY_KEY = new Map<string, TPerformancePeriod>(PERFORMANCE_PERIODS.map((period) => [periodKey(period), period]));

/**
 * The period a performance_detail key names. The reference spells the half-year both "HalfYear"
 * (its example) and "Halfyear" (its field list); banks' answers vary the same way, so every spelling
 * that differs only in case or separators is read.
 */
export function performancePeriodOf(key: string): TPerformancePeriod | undefined {
  return PERIOD_BY_KEY.get(periodKey(key));
}

/** Reads a stored performance_detail JSON, keeping only finite numbers (the reference's spelling of a key wins over a variant). */
export function parsePerformanceDetail(json: string | null | undefined): TPerformanceDetail | null {
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    const out: TPerformanceDetail = Object.fromEntries(PERFORMANCE_PERIODS.map((period) => [period, null]));
    for (const [key, value] of Object.entries(raw)) {
      const period = performancePeriodOf(key);
      if (!period || typeof value !== "number" || !Number.isFinite(value)) continue;
      if (out[period] === null || key === period) out[period] = value;
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * A group's return per period as the average of its positions' returns weighted by their current
 * market value (all positions in ONE currency). Positions without a figure for a period, or with a
 * value ≤ 0, are left out of that period's average. This is an approximation of the group's
 * return: it ignores contributions and withdrawals during the period (Flanks gives no flows per
 * period), so it is not a time-weighted return.
 */
export function aggregatePerformance(positions: readonly TWeightedPosition[]): TAggregatePerformance[] {
  const totalMinor = positions.reduce((sum, position) => sum + (position.minor > 0n ? position.minor : 0n), 0n);
  return PERFORMANCE_PERIODS.map((period) => {
    let covered = 0n;
    let weighted = 0;
    for (const position of positions) {
      const ratio = position.performance?.[period];
      if (ratio === null || ratio === undefined || position.minor <= 0n) continue;
      covered += position.minor;
      weighted += Number(position.minor) * ratio;
    }
    return { period, ratio: covered > 0n ? weighted / Number(covered) : null, coveredMinor: covered, totalMinor };
  });
}
