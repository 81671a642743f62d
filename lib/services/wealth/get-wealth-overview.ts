import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { LruCache } from "@/lib/cache/lru-cache";
import { getDb } from "@/lib/db";
import { money } from "@/lib/money/money";
import { allocate } from "@/lib/wealth/allocation";
import type { TCurrencyFigures } from "@/lib/wealth/base-currency-overview";
import { issuerCountryOf } from "@/lib/wealth/issuer-country";
import { aggregatePerformance, parsePerformanceDetail } from "@/lib/wealth/performance";
import { ACCOUNTS_KEY, buildHistory, computeSnapshot } from "@/lib/wealth/snapshot";
import { getWealthContext, type TWealthContext } from "./wealth-context";

export const NO_ISIN_KEY = "NONE";

/**
 * One currency's figures (lib/wealth/base-currency-overview.ts documents each field): byType by
 * investment type codes as sent plus ACCOUNTS; byBank by Flanks `entity`; byIssuerCountry positions
 * only, by ISIN prefix, NONE without an ISIN.
 */
export type TCurrencyOverview = TCurrencyFigures;

export type TWealthOverview = { context: TWealthContext; currencies: TCurrencyOverview[] };

/**
 * The overview is derived from the stored rows alone, so it is computed once per version of the
 * client's data (TWealthContext.dataVersion changes in the same transaction as any sync's writes,
 * in whichever process the sync ran) and kept for the next page views. Shared across advisors:
 * access is checked by getWealthContext on every call, before the cache is consulted.
 * ~150 clients per advisor, a few kB to ~100 kB an entry (the history grows a point per synced day).
 */
const overviewCache = new LruCache<string, { dataVersion: string; currencies: TCurrencyOverview[] }>(300);

/** After an erasure: the entry could no longer be served (access fails first), but its figures should not stay in memory. */
export function forgetWealthOverview(clientId: string): void {
  overviewCache.delete(clientId);
}

/** Everything of the overview tab, from stored data only, one block per currency (never summed across). */
export async function getWealthOverview(actor: TActor, clientId: unknown): Promise<TWealthOverview> {
  const context = await getWealthContext(actor, clientId);
  const cached = overviewCache.get(context.clientId);
  if (cached?.dataVersion === context.dataVersion) return { context, currencies: cached.currencies };
  const currencies = await computeOverview(context);
  // Keyed by the version read before the rows: if a sync committed in between, the entry is newer
  // than its key and is replaced on the next view, which reads the new version.
  overviewCache.set(context.clientId, { dataVersion: context.dataVersion, currencies });
  return { context, currencies };
}

async function computeOverview(context: TWealthContext): Promise<TCurrencyOverview[]> {
  const db = getDb();
  const where = { clientId: context.clientId };
  // An entity Flanks sent as null is stored as "" (decision 038): such a row is counted under the
  // bank of its connection, which holds it, rather than as a slice with no name.
  const bankOfConnection = new Map(context.connections.map((c) => [c.id, c.bankId]));
  const bankOf = (row: { entity: string; connectionId: string }) => row.entity || bankOfConnection.get(row.connectionId) || row.entity;
  const [accounts, investments, liabilities, snapshots] = await Promise.all([
    db.wealthAccount.findMany({ where, select: { currency: true, balanceMinor: true, entity: true, connectionId: true } }),
    db.wealthInvestment.findMany({
      where,
      select: { currency: true, balanceMinor: true, entity: true, connectionId: true, type: true, isin: true, performanceJson: true },
    }),
    db.wealthLiability.findMany({ where, select: { currency: true, balanceMinor: true } }),
    db.wealthSnapshot.findMany({
      where,
      select: { connectionId: true, day: true, currency: true, assetsMinor: true, liabilitiesMinor: true },
      orderBy: { day: "asc" },
    }),
  ]);
  const now = computeSnapshot({ accounts, investments, liabilities });
  const history = buildHistory(snapshots);
  return now.map((entry): TCurrencyOverview => {
    const { currency } = entry;
    const inCurrency = <T extends { currency: string }>(rows: T[]) => rows.filter((row) => row.currency === currency);
    const positions = inCurrency(investments);
    const cash = inCurrency(accounts);
    return {
      currency,
      assets: money(entry.assetsMinor, currency),
      liabilities: money(entry.liabilitiesMinor, currency),
      net: money(entry.assetsMinor - entry.liabilitiesMinor, currency),
      byType: allocate(Object.entries(entry.byType).map(([key, minor]) => ({ key, minor }))),
      byBank: allocate([...cash, ...positions].map((row) => ({ key: bankOf(row), minor: row.balanceMinor }))),
      byIssuerCountry: allocate(positions.map((row) => ({ key: issuerCountryOf(row.isin) ?? NO_ISIN_KEY, minor: row.balanceMinor }))),
      performance: aggregatePerformance(positions.map((row) => ({ minor: row.balanceMinor, performance: parsePerformanceDetail(row.performanceJson) }))),
      history: history.get(currency) ?? [],
    };
  });
}

export { ACCOUNTS_KEY };
