import "server-only";
import { FlanksContractError, isFlanksError, type TFlanksClient } from "@/lib/flanks";
import type { TRecordList, TSetAsideRecord } from "@/lib/flanks/read-records";
import { flagIsSet } from "@/lib/flanks/schemas";
import type {
  TAccount,
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
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { summarizeStatus } from "@/lib/sync/connection-state";
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
import { dayIn } from "@/lib/i18n/format";
import { computeSnapshot } from "@/lib/wealth/snapshot";
import type { TSyncRowOf, TSyncTable } from "./bulk-write";
import type { TSyncWriter } from "./sync-writer";
import { parseProductStates, SYNC_PRODUCTS, type TProductStates, type TProductSyncStatus, type TSyncProduct } from "./products";

export type TSyncReason = "first-extraction" | "new-data" | "manual" | "daily";

export type TSyncResult =
  | {
      status: "SUCCEEDED" | "PARTIAL";
      syncRunId: string;
      counts: Partial<Record<TSyncProduct, number>>;
      kept: Partial<Record<TSyncProduct, TProductSyncStatus>>;
      /** Records set aside per product (only products with some). */
      setAside: Partial<Record<TSyncProduct, number>>;
    }
  | { status: "FAILED"; syncRunId: string; error: string }
  | { status: "SKIPPED"; reason: "already-running" | "no-credentials" | "not-found" };

export type TSyncDeps = {
  /** Reads, and the SyncRun bookkeeping. */
  db: PrismaClient;
  /** The same database through a connection of its own, for the data's one write transaction (lib/sync/sync-writer.ts). */
  writeDb: TSyncWriter;
  flanks: TFlanksClient;
  /** Opens the sealed credentials token of a Connection row. */
  openCredentialsToken: (sealed: string, connectionId: string) => string;
  /** Runs `work` only when no other sync of the same key runs (a DB lease in the app). */
  lease: <T>(name: string, ttlMs: number, work: () => Promise<T>) => Promise<T | null>;
  now?: () => Date;
  /** The firm's time zone (FIRM_TIME_ZONE): a snapshot belongs to the day the firm lives in, as every date shown does. UTC when unset. */
  timeZone?: string;
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

/** Renewed while the sync runs (lib/jobs/with-lease.ts): how long a crashed sync blocks the next one of its connection. */
const LEASE_TTL_MS = 5 * 60_000;

/**
 * Set-aside records stored per product and sync (all are counted): enough for an admin to see what
 * Flanks sent wrong, bounded if a whole 100 000-record history stops matching.
 */
export const MAX_SET_ASIDE_STORED = 200;

/** What reading one product's answer(s) gave besides its records. */
type TRead = { received: number; setAsideCount: number; setAside: TSetAsideRecord[] };
const emptyRead = (): TRead => ({ received: 0, setAsideCount: 0, setAside: [] });

function addRead<T>(read: TRead, list: TRecordList<T>): T[] {
  for (const item of list.setAside) {
    if (read.setAside.length < MAX_SET_ASIDE_STORED) read.setAside.push({ ...item, index: read.received + item.index });
  }
  read.setAsideCount += list.setAside.length;
  read.received += list.received;
  return list.records;
}

/**
 * A failure of ONE product's endpoint: a 404, a 5xx after the retries, a 400, or an answer that is
 * not a list. That product is marked and keeps its last good data; the others sync (issue 15).
 * Anything else (network down, timeout, 401, 429) means Flanks cannot be read at all: the sync fails
 * and every product keeps its previous data.
 */
function isProductFailure(error: unknown): boolean {
  if (error instanceof FlanksContractError) return true;
  if (!isFlanksError(error)) return false;
  return error.kind === "not_found" || error.kind === "bad_request" || (error.kind === "unavailable" && error.status !== undefined && error.status >= 500);
}

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
  return flagIsSet(group === "product" ? flags.product : flags.transaction, key);
}

function errorText(error: unknown): string {
  if (isFlanksError(error)) return `${error.kind}: ${error.message}`.slice(0, 1000);
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 1000) : "unexpected error";
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

  async function fetchAccountTransactionRows(scope: TScope, token: string, read: TRead): Promise<TAccountTransactionRow[]> {
    const rows: TAccountTransactionRow[] = [];
    for await (const page of deps.flanks.iterateAccountTransactionPages(token, { pageSize: deps.pageSize ?? 10_000 })) {
      const normalized = normalizeAccountTransactions(scope, addRead(read, page));
      for (const row of normalized) rows.push(row);
    }
    return rows;
  }

  async function fetchProduct(product: TSyncProduct, token: string, scope: TScope, read: TRead): Promise<Partial<TFetched>> {
    const { flanks } = deps;
    switch (product) {
      case "identity":
        return { identity: addRead(read, await flanks.getIdentity(token))[0] };
      case "holders":
        return { holders: addRead(read, await flanks.getHolders(token)) };
      case "accounts":
        return { accounts: addRead(read, await flanks.getAccounts(token)) };
      case "accountTransactions":
        return { accountTransactionRows: await fetchAccountTransactionRows(scope, token, read) };
      case "cards":
        return { cards: addRead(read, await flanks.getCards(token)) };
      case "cardTransactions":
        return { cardTransactions: addRead(read, await flanks.getCardTransactions(token)) };
      case "portfolios":
        return { portfolios: addRead(read, await flanks.getPortfolios(token)) };
      case "investments": {
        const investments = addRead(read, await flanks.getInvestments(token));
        // investment/detail is undocumented: without it positions simply have no unit price.
        let details: TInvestmentDetail[] = [];
        try {
          details = (await flanks.getInvestmentDetails(token)).records;
        } catch (error) {
          if (!isProductFailure(error)) throw error;
        }
        return { investments: { investments, details } };
      }
      case "investmentTransactions":
        return { investmentTransactions: addRead(read, await flanks.getInvestmentTransactions(token)) };
      case "liabilities":
        return { liabilities: addRead(read, await flanks.getLiabilities(token)) };
      case "liabilityTransactions":
        return { liabilityTransactions: addRead(read, await flanks.getLiabilityTransactions(token)) };
      case "mifid":
        return { mifid: addRead(read, await flanks.getMifid(token)) };
    }
  }

  async function write(
    scope: TScope,
    fetched: TFetched,
    states: TProductStates,
    runId: string,
    status: TCredentialsStatus,
    counts: Partial<Record<TSyncProduct, number>>,
    reads: Partial<Record<TSyncProduct, TRead>>,
  ) {
    const { writeDb } = deps;
    const { connectionId, clientId } = scope;
    const at = now();
    const cardCurrency = new Map<string, string>();
    for (const tx of fetched.cardTransactions ?? []) if (tx.card_id && !cardCurrency.has(tx.card_id)) cardCurrency.set(tx.card_id, tx.currency);
    // Normalized before the transaction opens, so the write lock is held for the writes only.
    const identity = fetched.identity && normalizeIdentity(scope, fetched.identity);
    const products = [
      rowsFor("holders", "WealthHolder", fetched.holders && normalizeHolders(scope, fetched.holders)),
      rowsFor("accounts", "WealthAccount", fetched.accounts && normalizeAccounts(scope, fetched.accounts)),
      rowsFor("accountTransactions", "WealthAccountTransaction", fetched.accountTransactionRows && oldestFirst(fetched.accountTransactionRows)),
      rowsFor("cards", "WealthCard", fetched.cards && normalizeCards(scope, fetched.cards, (card) => cardCurrency.get(card._id) ?? "EUR")),
      rowsFor("cardTransactions", "WealthCardTransaction", fetched.cardTransactions && oldestFirst(normalizeCardTransactions(scope, fetched.cardTransactions))),
      rowsFor("portfolios", "WealthPortfolio", fetched.portfolios && normalizePortfolios(scope, fetched.portfolios)),
      rowsFor(
        "investments",
        "WealthInvestment",
        fetched.investments && normalizeInvestments(scope, fetched.investments.investments, fetched.investments.details),
      ),
      rowsFor(
        "investmentTransactions",
        "WealthInvestmentTransaction",
        fetched.investmentTransactions && oldestFirst(normalizeInvestmentTransactions(scope, fetched.investmentTransactions)),
      ),
      rowsFor("liabilities", "WealthLiability", fetched.liabilities && normalizeLiabilities(scope, fetched.liabilities)),
      rowsFor(
        "liabilityTransactions",
        "WealthLiabilityTransaction",
        fetched.liabilityTransactions && oldestFirst(normalizeLiabilityTransactions(scope, fetched.liabilityTransactions)),
      ),
      rowsFor("mifid", "WealthMifidAnswer", fetched.mifid && normalizeMifid(scope, fetched.mifid)),
    ];
    // "Data as of" is Flanks' last update, read as the connection's status reads it.
    const { lastUpdate: dataAsOf, lastUpdateAt: dataAsOfAt } = summarizeStatus(status);
    const day = dayIn(at, deps.timeZone ?? "UTC");
    const written = await writeDb.inTransaction(function* (tx) {
      const stored: Partial<Record<TSyncProduct, number>> = {};
      if (identity) {
        yield* tx.replaceRows("WealthIdentity", connectionId, [identity]);
        stored.identity = 1;
      }
      for (const product of products) {
        if (!product.rows) continue;
        yield* tx.replaceRows(product.table, connectionId, product.rows);
        stored[product.key] = product.rows.length;
      }
      // The set-aside records of every product replaced now replace that product's earlier ones.
      for (const [product, read] of Object.entries(reads) as [TSyncProduct, TRead][]) {
        yield* tx.deleteWhere("WealthSetAsideRecord", { connectionId, product });
        yield* tx.insertRows(
          "WealthSetAsideRecord",
          read.setAside.map((item) => ({
            connectionId,
            clientId,
            syncRunId: runId,
            product,
            recordId: item.recordId,
            position: item.index,
            issuesJson: JSON.stringify(item.issues.slice(0, 20)),
            recordJson: JSON.stringify(item.record).slice(0, 20_000),
            createdAt: at,
          })),
        );
      }
      deps.duringWrite?.(connectionId);

      // The day's snapshot, from what is stored now (replaced products and kept ones alike).
      const snapshot = computeSnapshot({
        accounts: yield* tx.selectOfConnection<{ currency: string; balanceMinor: bigint }>("WealthAccount", ["currency", "balanceMinor"], connectionId),
        investments: yield* tx.selectOfConnection<{ currency: string; type: string; balanceMinor: bigint }>(
          "WealthInvestment",
          ["currency", "type", "balanceMinor"],
          connectionId,
        ),
        liabilities: yield* tx.selectOfConnection<{ currency: string; balanceMinor: bigint }>("WealthLiability", ["currency", "balanceMinor"], connectionId),
      });
      yield* tx.deleteWhere("WealthSnapshot", { connectionId, day });
      yield* tx.insertRows(
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
      );
      yield* tx.upsertRow("WealthSyncState", "connectionId", {
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
      select: { id: true, clientId: true, bank: true, credentialsTokenEnc: true, wealthSyncState: { select: { productsJson: true } } },
    });
    if (!connection) return { status: "SKIPPED", reason: "not-found" };
    if (!connection.credentialsTokenEnc) return { status: "SKIPPED", reason: "no-credentials" };
    const scope: TScope = { connectionId, clientId: connection.clientId, bank: connection.bank };
    const run = await db.syncRun.create({
      data: {
        connectionId,
        clientId: connection.clientId,
        reason,
        status: "RUNNING",
        startedAt: now(),
        requestedById,
        progressJson: JSON.stringify({ done: 0, total: SYNC_PRODUCTS.length + 1, current: "status" }),
      },
    });
    const previous = parseProductStates(connection.wealthSyncState?.productsJson);
    try {
      const token = deps.openCredentialsToken(connection.credentialsTokenEnc, connection.id);
      const status = await deps.flanks.getStatus(token);
      const fetched: TFetched = {};
      const states: TProductStates = {};
      const kept: Partial<Record<TSyncProduct, TProductSyncStatus>> = {};
      const reads: Partial<Record<TSyncProduct, TRead>> = {};
      const syncedAt = now().toISOString();
      let done = 1;
      for (const product of SYNC_PRODUCTS) {
        await db.syncRun.update({
          where: { id: run.id },
          data: { progressJson: JSON.stringify({ done, total: SYNC_PRODUCTS.length + 1, current: product.key }) },
        });
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
        const read = emptyRead();
        try {
          Object.assign(fetched, await fetchProduct(product.key, token, scope, read));
          if (product.key === "identity" && fetched.identity && isBlankIdentity(fetched.identity) && status.pending) {
            delete fetched.identity;
            keep("not-created");
            continue;
          }
          states[product.key] = { status: "ok", syncedAt, received: read.received, setAside: read.setAsideCount };
          reads[product.key] = read;
        } catch (error) {
          // One failing endpoint is one failed product; Flanks unreachable (network, timeout, 401, 429) fails the sync.
          if (isProductFailure(error)) {
            keep(error instanceof FlanksContractError ? "invalid" : "failed");
            continue;
          }
          throw error;
        }
      }
      await deps.beforeWrite?.(connectionId);
      const counts: Partial<Record<TSyncProduct, number>> = {};
      await write(scope, fetched, states, run.id, status, counts, reads);
      const setAside = Object.fromEntries(
        Object.entries(reads)
          .filter(([, read]) => read.setAsideCount > 0)
          .map(([key, read]) => [key, read.setAsideCount]),
      );
      const isPartial = Object.keys(kept).length > 0 || Object.keys(setAside).length > 0;
      await db.syncRun.update({
        where: { id: run.id },
        data: {
          status: isPartial ? "PARTIAL" : "SUCCEEDED",
          finishedAt: now(),
          countsJson: JSON.stringify(counts),
          keptJson: JSON.stringify(kept),
          setAsideJson: JSON.stringify(setAside),
          progressJson: JSON.stringify({ done: SYNC_PRODUCTS.length + 1, total: SYNC_PRODUCTS.length + 1, current: null }),
        },
      });
      return { status: isPartial ? "PARTIAL" : "SUCCEEDED", syncRunId: run.id, counts, kept, setAside };
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
      const result = await deps.lease(`sync:${connectionId}`, LEASE_TTL_MS, () =>
        runSync(connectionId, options.reason ?? "manual", options.requestedById ?? null),
      );
      return result ?? { status: "SKIPPED", reason: "already-running" };
    },
  };
}
