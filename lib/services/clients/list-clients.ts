import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb, getReadDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import type { TClientListQuery } from "./client-schemas";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import type { FxRates } from "@/lib/fx/fx-rates";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { readClientListFigures, type TClientListFigures } from "./client-list-figures";

export const CLIENT_PAGE_SIZE = 50;

export type TClientListItem = TClientSummary & {
  needsAction: boolean;
  /** Stored wealth per currency (never summed across currencies), minor units as text (JSON-safe); empty before the first sync. */
  wealth: TClientWealthItem[];
  /** Net wealth in the actor's base currency (every currency with a rate), or null before the first sync. */
  netInBase: TClientNetInBase | null;
  /** The newest Flanks `last_update` among the client's synced connections (ISO), or null. */
  dataAsOf: string | null;
};
/** Minor units as text (JSON-safe); `notConverted`: net amounts of currencies without a rate, shown apart. */
export type TClientNetInBase = { currency: string; netMinor: string; notConverted: { currency: string; netMinor: string }[]; ratesDay: string | null };
export type TClientWealthItem = { currency: string; assetsMinor: string; liabilitiesMinor: string; netMinor: string };
export type TClientList = { items: TClientListItem[]; total: number; page: number; pageCount: number; baseCurrency: string };

const ORDER: Record<Exclude<NonNullable<TClientListQuery["sort"]>, "wealth">, Prisma.ClientOrderByWithRelationInput[]> = {
  name: [{ displayName: "asc" }, { id: "asc" }],
  created: [{ createdAt: "desc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
};

export async function listClients(actor: TActor, query: TClientListQuery): Promise<TClientList> {
  const where: Prisma.ClientWhereInput = {
    ...clientScope(actor),
    archived: query.archived === "1",
    ...(query.q ? { OR: [{ displayName: { contains: query.q } }, { contactEmail: { contains: query.q } }, { externalRef: { contains: query.q } }] } : {}),
  };
  const db = getDb();
  const scopeAdvisorId = clientScope(actor).advisorId ?? null;
  const total = await db.client.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / CLIENT_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const base = await getBaseCurrency(actor);
  let rows: Prisma.ClientGetPayload<{ select: typeof CLIENT_SUMMARY_SELECT }>[];
  let figures: TClientListFigures;
  let rates: FxRates;
  if (query.sort === "wealth") {
    // A converted figure cannot be sorted by the database: every matching client's figures are read
    // (three statements, ~150 clients for an advisor), converted, sorted, then one page is kept.
    const all = await db.client.findMany({ where, orderBy: ORDER.name, select: { id: true } });
    figures = await readClientListFigures(
      getReadDb(),
      scopeAdvisorId,
      all.map((row) => row.id),
    );
    rates = await loadFxRates(currenciesKey([base, ...figureCurrencies(figures)]), null);
    const net = new Map(all.map((row) => [row.id, netInBase(figures, row.id, base, rates)]));
    const sorted = all.map((row) => row.id).sort((a, b) => compareNet(net.get(a) ?? null, net.get(b) ?? null));
    const ids = sorted.slice((page - 1) * CLIENT_PAGE_SIZE, page * CLIENT_PAGE_SIZE);
    const byId = new Map((await db.client.findMany({ where: { id: { in: ids } }, select: CLIENT_SUMMARY_SELECT })).map((row) => [row.id, row]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    const order = ORDER[query.sort ?? "name"];
    rows = await db.client.findMany({ where, orderBy: order, skip: (page - 1) * CLIENT_PAGE_SIZE, take: CLIENT_PAGE_SIZE, select: CLIENT_SUMMARY_SELECT });
    figures = await readClientListFigures(
      getReadDb(),
      scopeAdvisorId,
      rows.map((row) => row.id),
    );
    rates = await loadFxRates(currenciesKey([base, ...figureCurrencies(figures)]), null);
  }
  return {
    items: rows.map((row) => ({
      ...toClientSummary(row),
      needsAction: figures.needsAction.has(row.id),
      wealth: (figures.wealth.get(row.id) ?? []).map((total) => ({
        currency: total.currency,
        assetsMinor: total.assets.minor.toString(),
        liabilitiesMinor: total.liabilities.minor.toString(),
        netMinor: total.net.minor.toString(),
      })),
      netInBase: netInBase(figures, row.id, base, rates),
      dataAsOf: figures.dataAsOf.get(row.id)?.toISOString() ?? null,
    })),
    total,
    page,
    pageCount,
    baseCurrency: base,
  };
}

function figureCurrencies(figures: TClientListFigures): Set<string> {
  return new Set([...figures.wealth.values()].flatMap((totals) => totals.map((total) => total.currency)));
}

function netInBase(figures: TClientListFigures, clientId: string, base: string, rates: FxRates): TClientNetInBase | null {
  const totals = figures.wealth.get(clientId);
  if (!totals || totals.length === 0) return null;
  const assets = rates.convertSum(
    totals.map((total) => total.assets),
    base,
  );
  const liabilities = rates.convertSum(
    totals.map((total) => total.liabilities),
    base,
  );
  const withoutRate = new Set([...assets.notConverted, ...liabilities.notConverted].map((amount) => amount.currency));
  return {
    currency: base,
    netMinor: (assets.total.minor - liabilities.total.minor).toString(),
    notConverted: totals
      .filter((total) => withoutRate.has(total.currency))
      .map((total) => ({ currency: total.currency, netMinor: total.net.minor.toString() })),
    ratesDay: assets.ratesDay ?? liabilities.ratesDay,
  };
}

/** Largest net wealth first; clients without data after every client with data. */
function compareNet(a: TClientNetInBase | null, b: TClientNetInBase | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const left = BigInt(a.netMinor);
  const right = BigInt(b.netMinor);
  return left === right ? 0 : left > right ? -1 : 1;
}
