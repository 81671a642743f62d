import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { money, type TMoney } from "@/lib/money/money";
import { aggregatePerformance, parsePerformanceDetail, type TAggregatePerformance, type TPerformanceDetail } from "@/lib/wealth/performance";
import { bankNamer, getWealthContext, type TWealthContext } from "./wealth-context";

export type TPerformanceGroup = { id: string; name: string; bank: string; value: TMoney; periods: TAggregatePerformance[] };
export type TPerformancePosition = {
  id: string;
  name: string;
  isin: string;
  type: string;
  portfolioId: string;
  value: TMoney;
  detail: TPerformanceDetail | null;
};
export type TPerformanceView = {
  context: TWealthContext;
  portfolios: TPerformanceGroup[];
  /** All positions of one currency together, per currency. */
  totals: TPerformanceGroup[];
  /** One page of the positions, by name; the groups above weigh all of them. */
  positions: TPerformancePosition[];
  positionCount: number;
  page: number;
  pageCount: number;
};

export const PERFORMANCE_PAGE_SIZE = 50;

/**
 * performance_detail per position as Flanks gives it, and per portfolio / per currency as the
 * value-weighted average of its positions (lib/wealth/performance.ts explains the weighting).
 * A portfolio's positions share its currency; a position in another currency is weighted in the
 * group of its own currency only.
 */
export async function getPerformance(actor: TActor, clientId: unknown, requestedPage = 1): Promise<TPerformanceView> {
  const context = await getWealthContext(actor, clientId);
  const bankName = bankNamer(context);
  const db = getDb();
  const [investments, portfolios] = await Promise.all([
    db.wealthInvestment.findMany({
      where: { clientId: context.clientId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        isin: true,
        type: true,
        connectionId: true,
        portfolioId: true,
        balanceMinor: true,
        currency: true,
        performanceJson: true,
      },
    }),
    db.wealthPortfolio.findMany({ where: { clientId: context.clientId }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  const positions: TPerformancePosition[] = investments.map((row) => ({
    id: row.id,
    name: row.name,
    isin: row.isin,
    type: row.type,
    portfolioId: `${row.connectionId}|${row.portfolioId}`,
    value: money(row.balanceMinor, row.currency),
    detail: parsePerformanceDetail(row.performanceJson),
  }));
  const groups: TPerformanceGroup[] = portfolios.map((portfolio) => {
    const key = `${portfolio.connectionId}|${portfolio.flanksId}`;
    const own = positions.filter((p) => p.portfolioId === key && p.value.currency === portfolio.currency);
    return {
      id: key,
      name: portfolio.name,
      bank: bankName(portfolio.entity),
      value: money(
        own.reduce((sum, p) => sum + p.value.minor, 0n),
        portfolio.currency,
      ),
      periods: aggregatePerformance(own.map((p) => ({ minor: p.value.minor, performance: p.detail }))),
    };
  });
  const currencies = [...new Set(positions.map((p) => p.value.currency))].sort();
  const totals = currencies.map((currency) => {
    const own = positions.filter((p) => p.value.currency === currency);
    return {
      id: currency,
      name: currency,
      bank: "",
      value: money(
        own.reduce((sum, p) => sum + p.value.minor, 0n),
        currency,
      ),
      periods: aggregatePerformance(own.map((p) => ({ minor: p.value.minor, performance: p.detail }))),
    };
  });
  // Rendering every row was most of the tab's time at 400 positions (~3 600 cells): one page of them.
  const pageCount = Math.max(1, Math.ceil(positions.length / PERFORMANCE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  const shown = positions.slice((page - 1) * PERFORMANCE_PAGE_SIZE, page * PERFORMANCE_PAGE_SIZE);
  return { context, portfolios: groups, totals, positions: shown, positionCount: positions.length, page, pageCount };
}
