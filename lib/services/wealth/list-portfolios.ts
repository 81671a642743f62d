import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { money, sumByCurrency, type TMoney } from "@/lib/money/money";
import { parseExtra } from "@/lib/wealth/transaction-details";
import { holdersByProduct, type THolderView } from "./list-products";
import { bankNamer, getWealthContext, type TWealthContext } from "./wealth-context";

/** The positions listed under each portfolio, largest first; the rest are one link away (the investments list, filtered by portfolio). */
export const PORTFOLIO_POSITIONS_SHOWN = 25;

export type TPortfolioPosition = { id: string; name: string; isin: string; type: string; quantity: string; value: TMoney };

export type TPositionGroup = {
  /** Every position of the group (not only those listed). */
  positionCount: number;
  /** Their value per currency, exact. */
  positionTotals: TMoney[];
  /** The largest PORTFOLIO_POSITIONS_SHOWN. */
  positions: TPortfolioPosition[];
};

export type TPortfolioView = TPositionGroup & {
  id: string;
  /** Flanks' _id: what the investments' portfolio_id names. */
  flanksId: string;
  name: string;
  /** As sent (the reference's data types: M, UM, MIX or an investment type; banks send others). */
  type: string | null;
  bank: string;
  balance: TMoney;
  /** refValores: the securities account. */
  securitiesAccount: string | null;
  /** refAccount and refAccounts: the cash accounts of the portfolio, main one first. */
  cashAccounts: string[];
  /** `owners` as the portfolio lists them, and the holders endpoint's entries for it. */
  owners: string[];
  holders: THolderView[];
};

export type TPortfolioList = {
  context: TWealthContext;
  portfolios: TPortfolioView[];
  /** Positions whose portfolio_id names no stored portfolio: shown apart, never dropped. */
  unassigned: TPositionGroup;
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item.trim() !== "") : [];

function groupOf(
  rows: readonly { id: string; name: string; isin: string; type: string; quantity: string; balanceMinor: bigint; currency: string }[],
): TPositionGroup {
  const positions = rows.map((row) => ({
    id: row.id,
    name: row.name,
    isin: row.isin,
    type: row.type,
    quantity: row.quantity,
    value: money(row.balanceMinor, row.currency),
  }));
  return {
    positionCount: positions.length,
    positionTotals: sumByCurrency(positions.map((position) => position.value)),
    positions: [...positions]
      .sort((a, b) => (a.value.minor === b.value.minor ? a.name.localeCompare(b.name) : a.value.minor > b.value.minor ? -1 : 1))
      .slice(0, PORTFOLIO_POSITIONS_SHOWN),
  };
}

/** Each of a client's portfolios with its accounts, holders and positions; positions outside any stored portfolio apart. */
export async function listPortfolios(actor: TActor, clientId: unknown): Promise<TPortfolioList> {
  const context = await getWealthContext(actor, clientId);
  const db = getDb();
  const [portfolios, investments, holders] = await Promise.all([
    db.wealthPortfolio.findMany({ where: { clientId: context.clientId }, orderBy: [{ entity: "asc" }, { name: "asc" }, { id: "asc" }] }),
    db.wealthInvestment.findMany({
      where: { clientId: context.clientId },
      select: { id: true, connectionId: true, portfolioId: true, name: true, isin: true, type: true, quantity: true, balanceMinor: true, currency: true },
    }),
    holdersByProduct(context.clientId),
  ]);
  const byPortfolio = new Map<string, typeof investments>();
  for (const investment of investments) {
    const key = `${investment.connectionId}|${investment.portfolioId}`;
    const group = byPortfolio.get(key);
    if (group) group.push(investment);
    else byPortfolio.set(key, [investment]);
  }
  const bankName = bankNamer(context);
  const views = portfolios.map((row) => {
    const key = `${row.connectionId}|${row.flanksId}`;
    const positions = byPortfolio.get(key) ?? [];
    byPortfolio.delete(key);
    const extra = parseExtra(row.extraJson);
    let owners: string[] = [];
    try {
      owners = strings(JSON.parse(row.ownersJson));
    } catch {
      owners = [];
    }
    return {
      id: row.id,
      flanksId: row.flanksId,
      name: row.name,
      type: row.type,
      bank: bankName(row.entity),
      balance: money(row.balanceMinor, row.currency),
      securitiesAccount: row.refValores,
      cashAccounts: [...new Set([...(row.refAccount ? [row.refAccount] : []), ...strings(extra.refAccounts)])],
      owners,
      holders: holders.get(key) ?? [],
      ...groupOf(positions),
    };
  });
  return { context, portfolios: views, unassigned: groupOf([...byPortfolio.values()].flat()) };
}
