import "server-only";
import { dialectOfClient, type TSqlDialect } from "@/lib/db/sql-dialect";
import { z } from "zod";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { INVESTMENT_TYPES } from "@/lib/flanks/schemas/investment-type";
import { Prisma } from "@/lib/generated/prisma/client";
import { money, type TMoney } from "@/lib/money/money";
import { parsePerformanceDetail, type TPerformanceDetail } from "@/lib/wealth/performance";
import { bankNamer, getWealthContext, type TWealthContext } from "./wealth-context";

export const INVESTMENT_SORTS = ["name", "isin", "type", "bank", "portfolio", "quantity", "value", "gain", "performance"] as const;
export const INVESTMENT_PAGE_SIZE = 50;

/** Unknown values are dropped (never a 500): the table then shows its default order / no filter / page 1. */
export const ZInvestmentListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(20).optional().catch(undefined),
  bank: z.string().trim().max(100).optional().catch(undefined),
  /** A portfolio's Flanks _id (the positions' portfolio_id): the portfolio view links here for all of its positions. */
  portfolio: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(INVESTMENT_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(2).max(100_000).optional().catch(undefined),
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

type TFigures = Pick<TInvestmentRow, "value" | "cost" | "gain" | "performance" | "performanceDetail">;

/** A position's money and return, as the table and the detail page show them. */
export function positionFigures(row: {
  balanceMinor: bigint;
  costMinor: bigint | null;
  capitalGainMinor: bigint | null;
  currency: string;
  performance: number | null;
  performanceJson: string | null;
}): TFigures {
  return {
    value: money(row.balanceMinor, row.currency),
    cost: row.costMinor === null ? null : money(row.costMinor, row.currency),
    gain: row.capitalGainMinor === null ? null : money(row.capitalGainMinor, row.currency),
    performance: row.performance,
    performanceDetail: parsePerformanceDetail(row.performanceJson),
  };
}

/** The value of every position matching the filters (not only the page shown), per currency. */
export type TInvestmentTotal = { currency: string; positions: number; value: TMoney };

export type TInvestmentList = {
  context: TWealthContext;
  /** One page of the positions matching the filters. */
  rows: TInvestmentRow[];
  /** All positions of the client, and those matching the filters. */
  total: number;
  matching: number;
  page: number;
  pageCount: number;
  totals: TInvestmentTotal[];
  types: string[];
  banks: { value: string; label: string }[];
};

/** LIKE matches the text itself: its own wildcards are escaped. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(clientId: string, query: TInvestmentListQuery, dialect: TSqlDialect): Prisma.Sql {
  const and = [Prisma.sql`i."clientId" = ${clientId}`];
  if (query.q) {
    const pattern = likeContains(query.q);
    // SQLite's LIKE ignores ASCII case; PostgreSQL's does not, ILIKE does.
    const like = Prisma.raw(dialect === "postgres" ? "ILIKE" : "LIKE");
    and.push(Prisma.sql`(i."name" ${like} ${pattern} ESCAPE '\\' OR i."isin" ${like} ${pattern} ESCAPE '\\')`);
  }
  if (query.type === "OTHER") and.push(Prisma.sql`i."type" NOT IN (${Prisma.join([...INVESTMENT_TYPES])})`);
  else if (query.type) and.push(Prisma.sql`i."type" = ${query.type}`);
  if (query.bank) and.push(Prisma.sql`i."entity" = ${query.bank}`);
  if (query.portfolio) and.push(Prisma.sql`i."portfolioId" = ${query.portfolio}`);
  return Prisma.join(and, " AND ");
}

/** The bank column shows the connection's bank name: it sorts by that too (bankNamer's rule, in SQL). */
const BANK_NAME = Prisma.sql`coalesce((SELECT c."bankName" FROM "Connection" c WHERE c."clientId" = i."clientId" AND c."bank" = i."entity" AND c."bankName" IS NOT NULL ORDER BY c."createdAt" LIMIT 1), i."entity")`;

/** Text ordered without regard to ASCII case: SQLite's NOCASE collation, PostgreSQL's lower(). */
const caseless = (expression: Prisma.Sql, dialect: TSqlDialect) =>
  dialect === "postgres" ? Prisma.sql`lower(${expression})` : Prisma.sql`${expression} COLLATE NOCASE`;

const orderOf = (sort: (typeof INVESTMENT_SORTS)[number], dialect: TSqlDialect): Prisma.Sql => {
  switch (sort) {
    case "name":
      return caseless(Prisma.sql`i."name"`, dialect);
    case "isin":
      return Prisma.sql`i."isin"`;
    case "type":
      return Prisma.sql`i."type"`;
    case "bank":
      return caseless(BANK_NAME, dialect);
    case "portfolio":
      return caseless(Prisma.sql`p."name"`, dialect);
    case "quantity":
      // An exact decimal string: ordered by its value, not its characters.
      return Prisma.sql`CAST(i."quantity" AS DOUBLE PRECISION)`;
    case "value":
      return Prisma.sql`i."balanceMinor"`;
    case "gain":
      return Prisma.sql`i."capitalGainMinor"`;
    case "performance":
      return Prisma.sql`i."performance"`;
  }
};

/**
 * One page of a client's positions, filtered and sorted in the database (the big client has 400:
 * rendering them all took ~180 ms and 0.9 MB of HTML), with the totals of all matching positions.
 */
export async function listInvestments(actor: TActor, clientId: unknown, query: TInvestmentListQuery = {}): Promise<TInvestmentList> {
  const context = await getWealthContext(actor, clientId);
  const db = getDb();
  const dialect = dialectOfClient(db);
  const where = whereOf(context.clientId, query, dialect);
  const [facets, totals] = await Promise.all([
    db.$queryRaw<{ type: string; entity: string; n: bigint | number }[]>`
      SELECT "type", "entity", count(*) AS "n" FROM "WealthInvestment" WHERE "clientId" = ${context.clientId} GROUP BY "type", "entity"`,
    // Summed in SQL, exact: a TEXT cast keeps a sum beyond 2^53 minor units whole on its way to BigInt.
    db.$queryRaw<{ currency: string; n: bigint | number; value: string }[]>`
      SELECT i."currency", count(*) AS "n", CAST(sum(i."balanceMinor") AS TEXT) AS "value" FROM "WealthInvestment" i WHERE ${where} GROUP BY i."currency" ORDER BY i."currency"`,
  ]);
  const matching = totals.reduce((sum, row) => sum + Number(row.n), 0);
  const pageCount = Math.max(1, Math.ceil(matching / INVESTMENT_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const dir = Prisma.raw(query.dir === "desc" ? "DESC" : "ASC");
  const ids = (
    await db.$queryRaw<{ id: string }[]>`
      SELECT i."id" FROM "WealthInvestment" i
      LEFT JOIN "WealthPortfolio" p ON p."connectionId" = i."connectionId" AND p."flanksId" = i."portfolioId"
      WHERE ${where}
      ORDER BY ${orderOf(query.sort ?? "name", dialect)} ${dir} NULLS LAST, ${caseless(Prisma.sql`i."name"`, dialect)}, i."id"
      LIMIT ${INVESTMENT_PAGE_SIZE} OFFSET ${(page - 1) * INVESTMENT_PAGE_SIZE}`
  ).map((row) => row.id);
  const [rows, portfolios] = await Promise.all([
    ids.length ? db.wealthInvestment.findMany({ where: { id: { in: ids } } }) : [],
    db.wealthPortfolio.findMany({ where: { clientId: context.clientId }, select: { flanksId: true, connectionId: true, name: true } }),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const portfolioName = new Map(portfolios.map((p) => [`${p.connectionId}|${p.flanksId}`, p.name]));
  const bankName = bankNamer(context);
  return {
    context,
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return {
        id: row.id,
        // "" is a name Flanks did not send (decision 038): the row still needs link text.
        name: row.name || "—",
        isin: row.isin,
        type: row.type,
        bank: bankName(row.entity),
        portfolio: portfolioName.get(`${row.connectionId}|${row.portfolioId}`) ?? null,
        portfolioId: row.portfolioId,
        quantity: row.quantity,
        price: row.price,
        ...positionFigures(row),
      };
    }),
    total: facets.reduce((sum, row) => sum + Number(row.n), 0),
    matching,
    page,
    pageCount,
    totals: totals.map((row) => ({ currency: row.currency, positions: Number(row.n), value: money(BigInt(row.value), row.currency) })),
    types: [...new Set(facets.map((row) => row.type))].sort(),
    banks: [...new Set(facets.map((row) => row.entity))]
      .map((entity) => ({ value: entity, label: bankName(entity) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
