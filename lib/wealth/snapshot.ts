/** The key of bank (cash) accounts in a snapshot's `byType`, beside the investment type codes. */
export const ACCOUNTS_KEY = "ACCOUNTS";

export type TSnapshotInput = {
  accounts: readonly { currency: string; balanceMinor: bigint }[];
  investments: readonly { currency: string; type: string; balanceMinor: bigint }[];
  liabilities: readonly { currency: string; balanceMinor: bigint }[];
};

export type TCurrencySnapshot = { currency: string; assetsMinor: bigint; liabilitiesMinor: bigint; byType: Record<string, bigint> };

/**
 * A connection's wealth per currency: assets = cash accounts + investment positions (portfolios
 * are not added again: their balance is the sum of their positions), liabilities = outstanding
 * balances. Cards' available credit is neither. Never combines two currencies.
 */
export function computeSnapshot(input: TSnapshotInput): TCurrencySnapshot[] {
  const byCurrency = new Map<string, TCurrencySnapshot>();
  const of = (currency: string): TCurrencySnapshot => {
    let entry = byCurrency.get(currency);
    if (!entry) {
      entry = { currency, assetsMinor: 0n, liabilitiesMinor: 0n, byType: {} };
      byCurrency.set(currency, entry);
    }
    return entry;
  };
  for (const account of input.accounts) {
    const entry = of(account.currency);
    entry.assetsMinor += account.balanceMinor;
    entry.byType[ACCOUNTS_KEY] = (entry.byType[ACCOUNTS_KEY] ?? 0n) + account.balanceMinor;
  }
  for (const investment of input.investments) {
    const entry = of(investment.currency);
    entry.assetsMinor += investment.balanceMinor;
    entry.byType[investment.type] = (entry.byType[investment.type] ?? 0n) + investment.balanceMinor;
  }
  for (const liability of input.liabilities) of(liability.currency).liabilitiesMinor += liability.balanceMinor;
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export type TStoredSnapshot = { connectionId: string; day: string; currency: string; assetsMinor: bigint; liabilitiesMinor: bigint };
export type THistoryPoint = { day: string; assetsMinor: bigint; liabilitiesMinor: bigint; netMinor: bigint };

/**
 * A client's wealth over time, per currency, from its connections' daily snapshots. On each day
 * that any connection was synced, every connection counts with its latest snapshot up to that day
 * (a connection synced on Monday still counts on Tuesday); before its first snapshot it counts as
 * nothing. A currency missing from a connection's latest snapshot counts as zero for it.
 */
export function buildHistory(snapshots: readonly TStoredSnapshot[]): Map<string, THistoryPoint[]> {
  const byConnection = new Map<string, Map<string, TStoredSnapshot[]>>();
  const days = new Set<string>();
  const currencies = new Set<string>();
  for (const snapshot of snapshots) {
    days.add(snapshot.day);
    currencies.add(snapshot.currency);
    let byDay = byConnection.get(snapshot.connectionId);
    if (!byDay) byConnection.set(snapshot.connectionId, (byDay = new Map()));
    const list = byDay.get(snapshot.day) ?? [];
    list.push(snapshot);
    byDay.set(snapshot.day, list);
  }
  const sortedDays = [...days].sort();
  const history = new Map<string, THistoryPoint[]>([...currencies].sort().map((currency) => [currency, []]));
  const connectionDays = new Map([...byConnection].map(([id, byDay]) => [id, [...byDay.keys()].sort()]));
  for (const day of sortedDays) {
    const totals = new Map<string, { assets: bigint; liabilities: bigint }>();
    for (const [connectionId, byDay] of byConnection) {
      const ownDays = connectionDays.get(connectionId) ?? [];
      let latest: string | undefined;
      for (const ownDay of ownDays) if (ownDay <= day) latest = ownDay;
      if (!latest) continue;
      for (const snapshot of byDay.get(latest) ?? []) {
        const total = totals.get(snapshot.currency) ?? { assets: 0n, liabilities: 0n };
        total.assets += snapshot.assetsMinor;
        total.liabilities += snapshot.liabilitiesMinor;
        totals.set(snapshot.currency, total);
      }
    }
    for (const [currency, points] of history) {
      const total = totals.get(currency) ?? { assets: 0n, liabilities: 0n };
      points.push({ day, assetsMinor: total.assets, liabilitiesMinor: total.liabilities, netMinor: total.assets - total.liabilities });
    }
  }
  return history;
}
