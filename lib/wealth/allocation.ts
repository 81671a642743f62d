/** One slice of an allocation, in one currency. */
export type TAllocationSlice<K extends string = string> = {
  key: K;
  minor: bigint;
  /** Share of the positive total in basis points (1/100 of a per cent); the positive slices add up to exactly 10 000. Null for a slice ≤ 0. */
  basisPoints: number | null;
};

/**
 * Groups amounts of ONE currency by key and gives each group its share. Shares are whole basis
 * points by the largest-remainder method, so the shown percentages add up to exactly 100 %.
 * Negative groups (a short CFD, an overdrawn account) are listed but take no share: a share of
 * a total that includes debts would not mean anything.
 */
export function allocate<K extends string>(items: Iterable<{ key: K; minor: bigint }>): TAllocationSlice<K>[] {
  const totals = new Map<K, bigint>();
  for (const item of items) totals.set(item.key, (totals.get(item.key) ?? 0n) + item.minor);
  const slices = [...totals].map(([key, minor]) => ({ key, minor, basisPoints: null as number | null }));
  const positive = slices.filter((slice) => slice.minor > 0n);
  const total = positive.reduce((sum, slice) => sum + slice.minor, 0n);
  if (total > 0n) {
    const remainders: { slice: (typeof slices)[number]; remainder: bigint }[] = [];
    let given = 0;
    for (const slice of positive) {
      const scaled = slice.minor * 10_000n;
      const whole = scaled / total;
      slice.basisPoints = Number(whole);
      given += slice.basisPoints;
      remainders.push({ slice, remainder: scaled % total });
    }
    remainders.sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
    for (let i = 0; i < 10_000 - given; i++) {
      const next = remainders[i % remainders.length];
      if (next && next.slice.basisPoints !== null) next.slice.basisPoints += 1;
    }
  }
  return slices.sort((a, b) => (a.minor === b.minor ? String(a.key).localeCompare(String(b.key)) : a.minor > b.minor ? -1 : 1));
}

/** Basis points as a ratio over 1, for formatPercent. */
export const basisPointsToRatio = (basisPoints: number): number => basisPoints / 10_000;
