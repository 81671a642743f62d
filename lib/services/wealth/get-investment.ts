import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TMoney } from "@/lib/money/money";
import type { TPerformanceDetail } from "@/lib/wealth/performance";
import { positionFigures } from "./list-investments";
import { bankNamer, getWealthContext, type TWealthConnection } from "./wealth-context";

type TJsonObject = Record<string, unknown>;

export type TInvestmentDetailView = {
  id: string;
  name: string;
  isin: string;
  type: string;
  sybtype: string | null;
  bank: string;
  portfolio: string | null;
  quantity: string;
  isNominal: boolean;
  price: string | null;
  value: TMoney;
  cost: TMoney | null;
  gain: TMoney | null;
  performance: number | null;
  performanceDetail: TPerformanceDetail | null;
  analytics: TJsonObject | null;
  cnmv: TJsonObject | null;
  dgs: TJsonObject | null;
  interest: TJsonObject | null;
  countryModel: TJsonObject[];
  detail: TJsonObject | null;
  market: string | null;
  operatingMarket: string | null;
  initialDate: string | null;
  valuationDate: string | null;
  expirationDate: string | null;
  /** Every other field as Flanks sent it (documented or not). */
  extra: TJsonObject;
  connection: TWealthConnection | null;
};

const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export async function getInvestment(actor: TActor, clientId: unknown, investmentId: string): Promise<TInvestmentDetailView> {
  const context = await getWealthContext(actor, clientId);
  const db = getDb();
  const row = await db.wealthInvestment.findFirst({ where: { id: investmentId.slice(0, 64), clientId: context.clientId } });
  if (!row) throw new AppError("NOT_FOUND", "Investment not found");
  const portfolio = await db.wealthPortfolio.findFirst({ where: { connectionId: row.connectionId, flanksId: row.portfolioId }, select: { name: true } });
  return {
    id: row.id,
    name: row.name,
    isin: row.isin,
    type: row.type,
    sybtype: row.sybtype,
    bank: bankNamer(context)(row.entity),
    portfolio: portfolio?.name ?? null,
    quantity: row.quantity,
    isNominal: row.isNominal,
    price: row.price,
    ...positionFigures(row),
    analytics: parse<TJsonObject | null>(row.analyticsJson, null),
    cnmv: parse<TJsonObject | null>(row.cnmvJson, null),
    dgs: parse<TJsonObject | null>(row.dgsJson, null),
    interest: parse<TJsonObject | null>(row.interestJson, null),
    countryModel: parse<TJsonObject[]>(row.countryModelJson, []),
    detail: parse<TJsonObject | null>(row.detailJson, null),
    market: row.market,
    operatingMarket: row.operatingMarket,
    initialDate: row.initialDate,
    valuationDate: row.valuationDate,
    expirationDate: row.expirationDate,
    extra: parse<TJsonObject>(row.extraJson, {}),
    connection: context.connections.find((c) => c.id === row.connectionId) ?? null,
  };
}
