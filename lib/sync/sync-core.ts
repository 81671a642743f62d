import "server-only";
import { FlanksContractError, isFlanksError, type TFlanksClient } from "@/lib/flanks";
import type {
  TAccount,
  TAccountTransaction,
  TCard,
  TCardTransaction,
  TCredentialsStatus,
  THolder,
  TIdentity,
  TInvestment,
  TInvestmentDetail,
  TInvestmentTransaction,
  TLiability,
  TLiabilityTransaction,
  TMifidAnswer,
  TPortfolio,
} from "@/lib/flanks/schemas";
import type { TWriteConnection } from "@/lib/db/create-write-connection";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { summarizeStatus } from "@/lib/services/connections/connection-state";
import {
  isBlankIdentity,
  normalizeAccounts,
  normalizeAccountTransactions,
  normalizeCards,
  normalizeCardTransactions,
  normalizeHolders,
  normalizeIdentity,
  normalizeInvestments,
  normalizeInvestmentTransactions,
  normalizeLiabilities,
  normalizeLiabilityTransactions,
  normalizeMifid,
  normalizePortfolios,
  type TScope,
} from "@/lib/wealth/normalize";
import { computeSnapshot } from "@/lib/wealth/snapshot";
import { createRowIds, deleteWhere, insertRows, inWriteTransaction, replaceRows, selectOfConnection, upsertRow, type TSyncRowOf, type TSyncTable } from "./bulk-write";
import { parseProductStates, SYNC_PRODUCTS, type TProductStates, type TProductSyncStatus, type TSyncProduct } from "./products";

export type TSyncReason = "first-extraction" | "new-data" | "manual" | "daily";

export type TSyncResult =
  | { status: "SUCCEEDED" | "PARTIAL"; syncRunId: string; counts: Partial<Record<TSyncProduct, number>>; kept: Partial<Record<TSyncProduct, TProductSyncStatus>> }
  | { status: "FAILED"; syncRunId: string; error: string }
  | { status: "SKIPPED"; reason: "already-running" | "no-credentials" | "not-found" };

export type TSyncDeps = {
  /** Reads, and the SyncRun bookkeeping. */
  db: PrismaClient;
  /** The same database through a connection of its own, for the data's one write transaction (lib/db/create-write-connection.ts). */
  writeDb: TWriteConnection;
  flanks: TFlanksClient;
  /** Opens the sealed credentials token of a Connection row. */
  openCredentialsToken: (sealed: string, connectionId: string) => string;
  /** Runs `work` only when no other sync of the same key runs (a DB lease in the app). */
  lease: <T>(name: string, ttlMs: number, work: () => Promise<T>) => Promise<T | null>;
  now?: () => Date;
  /** Page size of account transactions (the sandbox allows up to 10 000). */
  pageSize?: number;
  /** Called between the import and the write: tests use it to fail a sync halfway. */
  beforeWrite?: (connectionId: string) => Promise<void>;
  /** Called inside the write transaction, after the products' rows: tests look at the database from elsewhere then. */
  duringWrite?: (connectionId: string) => void;
};

type TAccountTransactionRow = ReturnType<typeof normalizeAccountTransactions>[number];

type TFetched = {
  identity?: TIdentity;
  holders?: THolder[];
  accounts?: TAccount[];
  /** Already normalized, page by page as they arrive: 100 000 parsed records are never held at once. */
  accountTransactionRows?: TAccountTransactionRow[];
  cards?: TCard[];
  cardTransactions?: TCardTransaction[];
  portfolios?: TPortfolio[];
  investments?: { investments: TInvestment[]; details: TInvestmentDetail[] };
  investmentTransactions?: TInvestmentTransaction[];
  liabilities?: TLiability[];
  liabilityTransactions?: TLiabilityTransaction[];
  mifid?: TMifidAnswer[];
};

const LEASE_TTL_MS = 15 * 60_000;

function rowsFor<T extends TSyncTable>(key: TSyncProduct, table: T, rows: TSyncRowOf[T][] | undefined) {
  return { key, table, rows };
}

/**
 * Transactions in ascending date order, the order they are inserted in. Each date-keyed index
 * (clientId, …, operationDate, …) then grows at the end of the client's range; Flanks' newest-first
 * order put every entry in front of the previous one, and SQLite left the pages it split half
 * empty. A first sync of 100 000 account transactions into the benchmark's data wrote 127 → 107 MB
 * of pages (to the WAL, then again at the checkpoint) and took about a fifth less CPU to write
 * (docs/decisions/021, third amendment).
 * In place and stable; O(n) for input sorted either way (newest first is reversed, then already sorted).
 */
export function oldestFirst<R extends { operationDate: string }>(rows: R[]): R[] {
  const first = rows[0]?.operationDate ?? "";
  const last = rows.at(-1)?.operationDate ?? "";
  if (first > last) rows.reverse();
  return rows.sort((a, b) => (a.operationDate < b.operationDate ? -1 : a.operationDate > b.operationDate ? 1 : 0));
}

function flagOf(flags: TCredentialsStatus["errored"], [group, key]: readonly [string, string]): boolean {
  const section = (group === "product" ? flags.product : flags.transaction) as Record<string, unknown>;
  return section[key] === true;
}

function errorText(error: unknown): string {
  if (isFlanksError(error)) return `${error.kind}: ${error.message}`.slice(0, 1000);
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 1000) : "unexpected error";
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Import, then process: every product is fetched first (nothing is written while Flanks is being
 * read), then what was fetched replaces the stored rows of that connection in ONE database
 * transaction, together with the day's wealth snapshot. A transport failure (Flanks unavailable,
 * timeout, rate limit, credentials gone) or a database failure fails the whole sync and leaves the
 * previous data as it was; a product Flanks reports errored, or whose answer breaks the schema,
 * keeps its last good rows and is marked so.
 */
export function createSyncer(deps: TSyncDeps) {
  const now = deps.now ?? (() => new Date());

  async function fetchAccountTransactionRows(scope: TScope, token: string): Promise<TAccountTransactionRow[]> {
    const rows: TAccountTransactionRow[] = [];
    for await (const page of deps.flanks.iterateAccountTransactionPages(token, { pageSize: deps.pageSize ?? 10_000 })) {
      const normalized = normalizeAccountTransactions(scope, page);
      for (const row of normalized) rows.push(row);
    }
    return rows;
  }

  async function fetchProduct(product: TSyncProduct, token: string, scope: TScope): Promise<Partial<TFetched>> {
    const { flanks } = deps;
    switch (product) {
      case "identity":
        return { identity: (await flanks.getIdentity(token))[0] };
      case "holders":
        return { holders: await flanks.getHolders(token) };
      case "accounts":
        return { accounts: await flanks.getAccounts(token) };
      case "accountTransactions":
        return { accountTransactionRows: await fetchAccountTransactionRows(scope, token) };
      case "cards":
        return { cards: await flanks.getCards(token) };
      case "cardTransactions":
        return { cardTransactions: await flanks.getCardTransactions(token) };
      case "portfolios":
        return { portfolios: await flanks.getPortfolios(token) };
      case "investments": {
        const investments = await flanks.getInvestments(token);
        // investment/detail is undocumented: without it positions simply have no unit price.
        let details: TInvestmentDetail[] = [];
        try {
          details = await flanks.getInvestmentDetails(token);
        } catch (error) {
          if (!(error instanceof FlanksContractError) && !(isFlanksError(error) && (error.kind === "not_found" || error.kind === "bad_request"))) throw error;
        }
        return { investments: { investments, details } };
      }
      case "investmentTransactions":
        return { investmentTransactions: await flanks.getInvestmentTransactions(token) };
      case "liabilities":
        return { liabilities: await flanks.getLiabilities(token) };
      case "liabilityTransactions":
        return { liabilityTransactions: await flanks.getLiabilityTransactions(token) };
      case "mifid":
        return { mifid: await flanks.getMifid(token) };
    }
  }

  async function write(scope: TScope, fetched: TFetched, states: TProductStates, runId: string, status: TCredentialsStatus, counts: Partial<Record<TSyncProduct, number>>) {
    const { writeDb } = deps;
    const { connectionId, clientId } = scope;
    const at = now();
    const cardCurrency = new Map<string, string>();
    for (const tx of fetched.cardTransactions ?? []) if (!cardCurrency.has(tx.card_id)) cardCurrency.set(tx.card_id, tx.currency);
    // Normalized before the transaction opens, so the write lock is held for the writes only.
    const identity = fetched.identity && normalizeIdentity(scope, fetched.identity);
    const products = [
      rowsFor("holders", "WealthHolder", fetched.holders && normalizeHolders(scope, fetched.holders)),
      rowsFor("accounts", "WealthAccount", fetched.accounts && normalizeAccounts(scope, fetched.accounts)),
      rowsFor("accountTransactions", "WealthAccountTransaction", fetched.accountTransactionRows && oldestFirst(fetched.accountTransactionRows)),
      rowsFor("cards", "WealthCard", fetched.cards && normalizeCards(scope, fetched.cards, (card) => cardCurrency.get(card._id) ?? "EUR")),
      rowsFor("cardTransactions", "WealthCardTransaction", fetched.cardTransactions && oldestFirst(normalizeCardTransactions(scope, fetched.cardTransactions))),
      rowsFor("portfolios", "WealthPortfolio", fetched.portfolios && normalizePortfolios(scope, fetched.portfolios)),
      rowsFor("investments", "WealthInvestment", fetched.investments && normalizeInvestments(scope, fetched.investments.investments, fetched.investments.details)),
      rowsFor("investmentTransactions", "WealthInvestmentTransaction", fetched.investmentTransactions && oldestFirst(normalizeInvestmentTransactions(scope, fetched.investmentTransactions))),
      rowsFor("liabilities", "WealthLiability", fetched.liabilities && normalizeLiabilities(scope, fetched.liabilities)),
      rowsFor("liabilityTransactions", "WealthLiabilityTransaction", fetched.liabilityTransactions && oldestFirst(normalizeLiabilityTransactions(scope, fetched.liabilityTransactions))),
      rowsFor("mifid", "WealthMifidAnswer", fetched.mifid && normalizeMifid(scope, fetched.mifid)),
    ];
    // "Data as of" is Flanks' last update, read as the connection's status reads it.
    const { lastUpdate: dataAsOf, lastUpdateAt: dataAsOfAt } = summarizeStatus(status);
    const day = dayOf(at);
    const written = await inWriteTransaction(writeDb, () => {
      const newId = createRowIds();
      const stored: Partial<Record<TSyncProduct, number>> = {};
      if (identity) {
        replaceRows(writeDb, "WealthIdentity", connectionId, [identity], newId);
        stored.identity = 1;
      }
      for (const product of products) {
        if (!product.rows) continue;
        replaceRows(writeDb, product.table, connectionId, product.rows, newId);
        stored[product.key] = product.rows.length;
      }
      deps.duringWrite?.(connectionId);

      // The day's snapshot, from what is stored now (replaced products and kept ones alike).
      const snapshot = computeSnapshot({
        accounts: selectOfConnection<{ currency: string; balanceMinor: bigint }>(writeDb, "WealthAccount", ["currency", "balanceMinor"], connectionId),
        investments: selectOfConnection<{ currency: string; type: string; balanceMinor: bigint }>(writeDb, "WealthInvestment", ["currency", "type", "balanceMinor"], connectionId),
        liabilities: selectOfConnection<{ currency: string; balanceMinor: bigint }>(writeDb, "WealthLiability", ["currency", "balanceMinor"], connectionId),
      });
      deleteWhere(writeDb, "WealthSnapshot", { connectionId, day });
      insertRows(
        writeDb,
        "WealthSnapshot",
        snapshot.map((entry) => ({
          connectionId,
          clientId,
          day,
          currency: entry.currency,
          assetsMinor: entry.assetsMinor,
          liabilitiesMinor: entry.liabilitiesMinor,
          byTypeJson: JSON.stringify(Object.fromEntries(Object.entries(entry.byType).map(([key, minor]) => [key, minor.toString()]))),
          takenAt: at,
        })),
        newId,
      );
      upsertRow(writeDb, "WealthSyncState", "connectionId", {
        connectionId,
        clientId,
        lastSyncedAt: at,
        lastSyncRunId: runId,
        dataAsOf,
        dataAsOfAt,
        productsJson: JSON.stringify(states),
      });
      return stored;
    });
    Object.assign(counts, written);
  }

  async function runSync(connectionId: string, reason: TSyncReason, requestedById: string | null): Promise<TSyncResult> {
    const { db } = deps;
    const connection = await db.connection.findUnique({
      where: { id: connectionId },
      select: { id: true, clientId: true, credentialsTokenEnc: true, wealthSyncState: { select: { productsJson: true } } },
    });
    if (!connection) return { status: "SKIPPED", reason: "not-found" };
    if (!connection.credentialsTokenEnc) return { status: "SKIPPED", reason: "no-credentials" };
    const scope: TScope = { connectionId, clientId: connection.clientId };
    const run = await db.syncRun.create({
      data: { connectionId, clientId: connection.clientId, reason, status: "RUNNING", startedAt: now(), requestedById, progressJson: JSON.stringify({ done: 0, total: SYNC_PRODUCTS.length + 1, current: "status" }) },
    });
    const previous = parseProductStates(connection.wealthSyncState?.productsJson);
    try {
      const token = deps.openCredentialsToken(connection.credentialsTokenEnc, connection.id);
      const status = await deps.flanks.getStatus(token);
      const fetched: TFetched = {};
      const states: TProductStates = {};
      const kept: Partial<Record<TSyncProduct, TProductSyncStatus>> = {};
      const syncedAt = now().toISOString();
      let done = 1;
      for (const product of SYNC_PRODUCTS) {
        await db.syncRun.update({ where: { id: run.id }, data: { progressJson: JSON.stringify({ done, total: SYNC_PRODUCTS.length + 1, current: product.key }) } });
        done += 1;
        const keep = (why: TProductSyncStatus) => {
          kept[product.key] = why;
          states[product.key] = { status: why, syncedAt: previous[product.key]?.syncedAt ?? null };
        };
        if (flagOf(status.errored, product.flag)) {
          keep("errored");
          continue;
        }
        if (status.pending && !flagOf(status.created, product.flag)) {
          keep("not-created");
          continue;
        }
        try {
          Object.assign(fetched, await fetchProduct(product.key, token, scope));
          if (product.key === "identity" && fetched.identity && isBlankIdentity(fetched.identity) && status.pending) {
            delete fetched.identity;
            keep("not-created");
            continue;
          }
          states[product.key] = { status: "ok", syncedAt };
        } catch (error) {
          // A contract break is this product's problem; anything else (network, 5xx, 429, 401, 404) fails the sync.
          if (error instanceof FlanksContractError) {
            keep("invalid");
            continue;
          }
          throw error;
        }
      }
      await deps.beforeWrite?.(connectionId);
      const counts: Partial<Record<TSyncProduct, number>> = {};
      await write(scope, fetched, states, run.id, status, counts);
      const isPartial = Object.keys(kept).length > 0;
      await db.syncRun.update({
        where: { id: run.id },
        data: {
          status: isPartial ? "PARTIAL" : "SUCCEEDED",
          finishedAt: now(),
          countsJson: JSON.stringify(counts),
          keptJson: JSON.stringify(kept),
          progressJson: JSON.stringify({ done: SYNC_PRODUCTS.length + 1, total: SYNC_PRODUCTS.length + 1, current: null }),
        },
      });
      return { status: isPartial ? "PARTIAL" : "SUCCEEDED", syncRunId: run.id, counts, kept };
    } catch (error) {
      const message = errorText(error);
      // updateMany: the connection (and its runs) may have been deleted while this sync ran.
      await db.syncRun.updateMany({ where: { id: run.id }, data: { status: "FAILED", finishedAt: now(), error: message } });
      return { status: "FAILED", syncRunId: run.id, error: message };
    }
  }

  return {
    /** Syncs one connection; a second call while one runs (in any process) returns SKIPPED at once. */
    async syncConnection(connectionId: string, options: { reason?: TSyncReason; requestedById?: string | null } = {}): Promise<TSyncResult> {
      const result = await deps.lease(`sync:${connectionId}`, LEASE_TTL_MS, () => runSync(connectionId, options.reason ?? "manual", options.requestedById ?? null));
      return result ?? { status: "SKIPPED", reason: "already-running" };
    },
  };
}
