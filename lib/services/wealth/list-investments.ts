import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { investmentTypeOf } from "@/lib/flanks/schemas/investment-type";
import { money, type TMoney } from "@/lib/money/money";
import { parsePerformanceDetail, type TPerformanceDetail } from "@/lib/wealth/performance";
import { getWealthContext, type TWealthContext } from "./wealth-context";

export const INVESTMENT_SORTS = ["name", "isin", "type", "bank", "portfolio", "quantity", "value", "gain", "performance"] as const;

/** Unknown values are dropped (never a 500): the table then shows its default order / no filter. */
export const ZInvestmentListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(20).optional().catch(undefined),
  bank: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(INVESTMENT_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
export type TInvestmentListQuery = z.infer<typeof ZInvestmentListQuerySchema>;

export type TInvestmentRow = {
  id: string;
  name: string;
  isin: string;
  type: string;
  bank: string;
  portfolio: string | null;
  portfolioId: string;
  quantity: string;
  price: string | null;
  value: TMoney;
  cost: TMoney | null;
  gain: TMoney | null;
  performance: number | null;
  performanceDetail: TPerformanceDetail | null;
};

export type TInvestmentList = { context: TWealthContext; rows: TInvestmentRow[]; total: number; types: string[]; banks: string[] };

export async function listInvestments(actor: TActor, clientId: unknown, query: TInvestmentListQuery = {}): Promise<TInvestmentList> {
  const context = await getWealthContext(actor, clientId);
  const db = getDb();
  const [rows, portfolios] = await Promise.all([
    db.wealthInvestment.findMany({ where: { clientId: context.clientId }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.wealthPortfolio.findMany({ where: { clientId: context.clientId }, select: { flanksId: true, connectionId: true, name: true } }),
  ]);
  const portfolioName = new Map(portfolios.map((p) => [`${p.connectionId}|${p.flanksId}`, p.name]));
  const all: TInvestmentRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    isin: row.isin,
    type: row.type,
    bank: row.entity,
    portfolio: portfolioName.get(`${row.connectionId}|${row.portfolioId}`) ?? null,
    portfolioId: row.portfolioId,
    quantity: row.quantity,
    price: row.price,
    value: money(row.balanceMinor, row.currency),
    cost: row.costMinor === null ? null : money(row.costMinor, row.currency),
    gain: row.capitalGainMinor === null ? null : money(row.capitalGainMinor, row.currency),
    performance: row.performance,
    performanceDetail: parsePerformanceDetail(row.performanceJson),
  }));
  const q = query.q?.toLowerCase();
  const filtered = all.filter(
    (row) =>
      (!q || row.name.toLowerCase().includes(q) || row.isin.toLowerCase().includes(q)) &&
      (!query.type || row.type === query.type || (query.type === "OTHER" && investmentTypeOf(row.type) === "OTHER")) &&
      (!query.bank || row.bank === query.bank),
  );
  const dir = query.dir === "desc" ? -1 : 1;
  const compareMinor = (a: bigint | null, b: bigint | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  const key = query.sort ?? "name";
  filtered.sort((a, b) => {
    let result = 0;
    switch (key) {
      case "value":
        result = compareMinor(a.value.minor, b.value.minor);
        break;
      case "gain":
        result = compareMinor(a.gain?.minor ?? null, b.gain?.minor ?? null);
        break;
      case "quantity":
        result = Number(a.quantity) - Number(b.quantity);
        break;
      case "performance":
        result = (a.performance ?? -Infinity) - (b.performance ?? -Infinity);
        break;
      default:
        result = String(a[key] ?? "").localeCompare(String(b[key] ?? ""));
    }
    return result * dir || a.name.localeCompare(b.name);
  });
  return {
    context,
    rows: filtered,
    total: all.length,
    types: [...new Set(all.map((row) => row.type))].sort(),
    banks: [...new Set(all.map((row) => row.bank))].sort(),
  };
}
