import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { LruCache } from "@/lib/cache/lru-cache";
import { getDb } from "@/lib/db";
import { loadClientConnectionRows, type TClientConnectionRow } from "@/lib/connections/client-connection-rows";
import { toConnectionSummary, type TConnectionSummary } from "@/lib/connections/connection-dto";
import { money, type TMoney } from "@/lib/money/money";
import { dedupeHouseholdHoldings, type TDedupedHolding, type THolding, type THoldingKind } from "@/lib/wealth/household-holdings";
import { householdWealthByCurrency, type THouseholdCurrencyWealth } from "@/lib/wealth/household-wealth";
import { ACCOUNTS_KEY } from "@/lib/wealth/snapshot";
import { findAccessibleHousehold } from "./household-access";

/** A product of the household counted once, and the members who hold it. */
export type THouseholdProduct = {
  kind: THoldingKind;
  name: string;
  type: string;
  /** IBAN or account number, ISIN, contract number, as the kept copy has it. */
  reference: string | null;
  bankId: string;
  balance: TMoney;
  holderClientIds: string[];
  connectionCount: number;
};

export type THouseholdWealth = {
  householdId: string;
  currencies: THouseholdCurrencyWealth[];
  /** Products reached through more than one connection: counted once. */
  sharedProducts: THouseholdProduct[];
  liabilities: THouseholdProduct[];
  connections: { clientId: string; connection: TConnectionSummary }[];
  /** The entity id → the bank's name, from the members' connections. */
  bankNames: Record<string, string>;
  /** At least one member's connection has stored data. */
  hasData: boolean;
};

/**
 * The household page's figures: every member's stored products, each counted once, added up per
 * currency. Prisma queries only (no SQL of our own), so it reads the same on every database.
 */
export async function getHouseholdWealth(actor: TActor, householdId: unknown): Promise<THouseholdWealth> {
  const household = await findAccessibleHousehold(actor, householdId);
  const db = getDb();
  const clientIds = (
    await db.householdMember.findMany({ where: { householdId: household.id }, orderBy: [{ addedAt: "asc" }, { clientId: "asc" }], select: { clientId: true } })
  ).map((member) => member.clientId);
  const connectionRows = (await Promise.all(clientIds.map((clientId) => loadClientConnectionRows(clientId)))).flat();
  // The same members with the same synced data give the same figures: every sync writes a new
  // lastSyncRunId with its rows (as the overview's dataVersion), and a member or connection that
  // comes or goes changes the list.
  const dataVersion = connectionRows.map((row) => `${row.clientId}:${row.id}:${row.wealthSyncState?.lastSyncRunId ?? ""}`).join(",");
  const version = `${clientIds.join(",")}|${dataVersion}`;
  const cached = figuresCache.get(household.id);
  const figures = cached?.version === version ? cached.figures : await computeFigures(clientIds, connectionRows);
  if (cached?.version !== version) figuresCache.set(household.id, { version, clientIds, figures });
  return {
    householdId: household.id,
    ...figures,
    connections: connectionRows.map((row) => ({ clientId: row.clientId, connection: toConnectionSummary(row, row.latestRun ?? undefined) })),
    bankNames: Object.fromEntries(connectionRows.map((row) => [row.bank, row.bankName ?? row.bank])),
    hasData: connectionRows.some((row) => row.wealthSyncState !== null),
  };
}

type TFigures = Pick<THouseholdWealth, "currencies" | "sharedProducts" | "liabilities">;

/**
 * Per household, the figures of the last version of its members' data (a few kB an entry), as the
 * overview keeps each client's. Access is checked on every call before the cache is read.
 */
const figuresCache = new LruCache<string, { version: string; clientIds: string[]; figures: TFigures }>(300);

/** After a client's erasure: no household's figures built from their data stay in memory. */
export function forgetHouseholdWealthOf(clientId: string): void {
  for (const householdId of [...figuresCache.keys()]) {
    if (figuresCache.get(householdId)?.clientIds.includes(clientId)) figuresCache.delete(householdId);
  }
}

async function computeFigures(clientIds: string[], connectionRows: TClientConnectionRow[]): Promise<TFigures> {
  const db = getDb();
  const where = { clientId: { in: clientIds } };
  const [accounts, investments, portfolios, liabilities] = await Promise.all([
    db.wealthAccount.findMany({
      where,
      select: { id: true, clientId: true, connectionId: true, entity: true, alias: true, iban: true, currency: true, balanceMinor: true },
    }),
    db.wealthInvestment.findMany({
      where,
      select: {
        id: true,
        clientId: true,
        connectionId: true,
        entity: true,
        name: true,
        isin: true,
        type: true,
        currency: true,
        balanceMinor: true,
        portfolioId: true,
      },
    }),
    db.wealthPortfolio.findMany({ where, select: { connectionId: true, flanksId: true, refValores: true } }),
    db.wealthLiability.findMany({
      where,
      select: { id: true, clientId: true, connectionId: true, entity: true, name: true, type: true, currency: true, balanceMinor: true, contractNumber: true },
    }),
  ]);

  const connectionById = new Map(connectionRows.map((row) => [row.id, row]));
  // An entity Flanks sent as null is stored as "" (decision 038): the row is at its connection's bank.
  const entityOf = (row: { entity: string; connectionId: string }) => row.entity || connectionById.get(row.connectionId)?.bank || row.entity;
  const asOfOf = (connectionId: string) => connectionById.get(connectionId)?.wealthSyncState?.dataAsOfAt?.toISOString() ?? null;
  // The securities account number names a portfolio across credentials; Flanks' portfolio id is per credentials.
  const portfolioRef = new Map(portfolios.map((p) => [`${p.connectionId}|${p.flanksId}`, p.refValores]));
  const holdings: THolding[] = [
    ...accounts.map((row): THolding => ({
      kind: "account",
      id: row.id,
      clientId: row.clientId,
      connectionId: row.connectionId,
      entity: entityOf(row),
      name: row.alias,
      currency: row.currency,
      balanceMinor: row.balanceMinor,
      type: ACCOUNTS_KEY,
      reference: row.iban,
      asOf: asOfOf(row.connectionId),
    })),
    ...investments.map((row): THolding => ({
      kind: "position",
      id: row.id,
      clientId: row.clientId,
      connectionId: row.connectionId,
      entity: entityOf(row),
      name: row.name,
      currency: row.currency,
      balanceMinor: row.balanceMinor,
      type: row.type,
      reference: row.isin,
      portfolio: portfolioRef.get(`${row.connectionId}|${row.portfolioId}`) ?? null,
      asOf: asOfOf(row.connectionId),
    })),
    ...liabilities.map((row): THolding => ({
      kind: "liability",
      id: row.id,
      clientId: row.clientId,
      connectionId: row.connectionId,
      entity: entityOf(row),
      name: row.name,
      currency: row.currency,
      balanceMinor: row.balanceMinor,
      type: row.type,
      reference: row.contractNumber,
      asOf: asOfOf(row.connectionId),
    })),
  ];
  const counted = dedupeHouseholdHoldings(holdings);
  const byName = (a: THouseholdProduct, b: THouseholdProduct) => a.name.localeCompare(b.name) || a.balance.currency.localeCompare(b.balance.currency);
  return {
    currencies: householdWealthByCurrency(counted),
    sharedProducts: counted
      .filter((holding) => holding.connectionCount > 1)
      .map(toProduct)
      .sort(byName),
    liabilities: counted
      .filter((holding) => holding.kind === "liability")
      .map(toProduct)
      .sort(byName),
  };
}

function toProduct(holding: TDedupedHolding): THouseholdProduct {
  return {
    kind: holding.kind,
    name: holding.name,
    type: holding.type,
    reference: holding.reference,
    bankId: holding.entity,
    balance: money(holding.balanceMinor, holding.currency),
    holderClientIds: holding.holderClientIds,
    connectionCount: holding.connectionCount,
  };
}
