import "server-only";
import { createHash } from "node:crypto";
import type { TActor } from "@/lib/auth/authorization";
import { LruCache } from "@/lib/cache/lru-cache";
import { getDb, getReadDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { FxRates } from "@/lib/fx/fx-rates";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import { money, type TMoney } from "@/lib/money/money";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { listActionInbox, type TInboxItem } from "@/lib/services/connections/list-action-inbox";
import { allocate, type TAllocationSlice } from "@/lib/wealth/allocation";
import { ACCOUNTS_KEY } from "@/lib/wealth/snapshot";
import { readBookRows, type TBookRows, type TClientSum, type TSnapshotSum } from "./book-rows";

export type TBookMover = { clientId: string; clientName: string; now: TMoney; then: TMoney; change: TMoney };

export type TBook = {
  base: string;
  /** The advisor whose book this is (an admin's filter), or null for the whole firm (admin) / the signed-in advisor. */
  advisorId: string | null;
  clientCount: number;
  /** Clients with stored data. */
  clientsWithData: number;
  /** Assets (accounts + positions) of every client, in the base currency at the newest rates. */
  assetsUnderAdvice: TMoney;
  net: TMoney;
  ratesDay: string | null;
  /** Amounts (net, per currency) without a rate: out of every figure above, shown apart. */
  notConverted: TMoney[];
  /** The day a month ago the change is measured from, and the net wealth then (null: nothing stored by that day). */
  monthAgoDay: string;
  netMonthAgo: TMoney | null;
  byType: TAllocationSlice[];
  /** By bank id (entity); `bankNames` gives the display names. */
  byBank: TAllocationSlice[];
  bankNames: Record<string, string>;
  needsAction: TInboxItem[];
  movers: TBookMover[];
};

const MOVERS = 5;
const NEEDS_ACTION_SHOWN = 10;
/** Snapshots are daily while a bank is connected; a connection last synced longer ago than this before the day counts as nothing then. */
const SNAPSHOT_WINDOW_DAYS = 45;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const shiftDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

function monthBefore(now: Date): string {
  const then = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, now.getUTCDate()));
  // 31 March → 3 March would skip February: clamp to the month's last day.
  if (then.getUTCMonth() === now.getUTCMonth()) then.setUTCDate(0);
  return isoDay(then);
}

/**
 * The advisor's book: every (unarchived) client of the actor's scope added up in the base
 * currency. An advisor sees their own clients only, whatever `advisorId` says; an admin sees the
 * whole firm, or one advisor's book with `advisorId`.
 */
export async function getBook(actor: TActor, options: { advisorId?: string | null; now?: Date } = {}): Promise<TBook> {
  const advisorId = actor.role === "ADMIN" ? (options.advisorId ?? null) : actor.id;
  const db = getDb();
  if (actor.role === "ADMIN" && advisorId !== null) {
    const advisor = await db.user.findFirst({ where: { id: advisorId, role: "ADVISOR" }, select: { id: true } });
    if (!advisor) throw new AppError("NOT_FOUND", "Advisor not found");
  }
  const clientWhere = { archived: false, ...(advisorId === null ? {} : { advisorId }) };
  const byClient = { client: clientWhere };
  const monthAgoDay = monthBefore(options.now ?? new Date());
  const [clients, connections, syncStates, base] = await Promise.all([
    db.client.findMany({ where: clientWhere, select: { id: true, displayName: true } }),
    db.connection.findMany({ where: byClient, select: { id: true, bank: true, bankName: true } }),
    db.wealthSyncState.findMany({ where: { connection: byClient }, select: { connectionId: true, lastSyncRunId: true } }),
    getBaseCurrency(actor),
  ]);
  // Every sync writes its rows and a new lastSyncRunId in one transaction; removing a connection removes
  // both; archiving or reassigning a client changes the ids. So this names one version of the rows below.
  const version = createHash("sha256")
    .update(
      `${monthAgoDay}|${clients
        .map((c) => c.id)
        .sort()
        .join(",")}|${syncStates
        .map((s) => `${s.connectionId}:${s.lastSyncRunId}`)
        .sort()
        .join(",")}`,
    )
    .digest("base64url");
  const scopeKey = advisorId ?? "*";
  let stored = bookRowsCache.get(scopeKey);
  if (stored?.version !== version) {
    stored = { version, rows: await readBookRows(getReadDb(), advisorId, { from: shiftDays(monthAgoDay, -SNAPSHOT_WINDOW_DAYS), to: monthAgoDay }) };
    bookRowsCache.set(scopeKey, stored);
  }
  const { clientSums, slices, snapshotSums } = stored.rows;
  const currencies = [base, ...[...clientSums, ...snapshotSums].map((row) => row.currency)];
  const rates = await loadFxRates(currenciesKey(currencies), monthAgoDay);

  const bankOfConnection = new Map(connections.map((c) => [c.id, c.bank]));
  const bankNames: Record<string, string> = {};
  for (const c of connections) bankNames[c.bank] ??= c.bankName ?? c.bank;
  const assetSlices = slices.map((row) => ({
    type: row.kind === "account" ? ACCOUNTS_KEY : row.type,
    // An entity Flanks sent as null is stored as "" (decision 038): counted under its connection's bank.
    bank: row.entity || (row.connectionId === null ? undefined : bankOfConnection.get(row.connectionId)) || row.entity,
    amount: money(row.minor, row.currency),
  }));
  const ofSide = (side: TClientSum["side"]) => clientSums.filter((row) => row.side === side);
  const assetRows = ofSide("assets").map((row) => ({ clientId: row.clientId, amount: money(row.minor, row.currency) }));
  const debtRows = ofSide("liabilities").map((row) => ({ clientId: row.clientId, amount: money(row.minor, row.currency) }));

  const assets = rates.convertSum(
    assetRows.map((row) => row.amount),
    base,
  );
  const debts = rates.convertSum(
    debtRows.map((row) => row.amount),
    base,
  );
  const notConverted = netWithoutRate(assetRows, debtRows, rates, base);
  const then = netAt(snapshotSums, rates, base, monthAgoDay);
  const nowByClient = netByClient(assetRows, debtRows, rates, base);
  const names = new Map(clients.map((c) => [c.id, c.displayName]));
  const movers = [...new Set([...nowByClient.keys(), ...then.byClient.keys()])]
    .filter((id) => names.has(id))
    .map((clientId) => {
      const now = nowByClient.get(clientId) ?? 0n;
      const before = then.byClient.get(clientId) ?? 0n;
      return { clientId, clientName: names.get(clientId)!, now: money(now, base), then: money(before, base), change: money(now - before, base) };
    })
    .filter((mover) => then.byClient.size > 0 && mover.change.minor !== 0n)
    .sort((a, b) => {
      const left = a.change.minor < 0n ? -a.change.minor : a.change.minor;
      const right = b.change.minor < 0n ? -b.change.minor : b.change.minor;
      return left === right ? a.clientName.localeCompare(b.clientName) : left > right ? -1 : 1;
    })
    .slice(0, MOVERS);
  const inbox = await listActionInbox(actor, { advisorId });
  return {
    base,
    advisorId: actor.role === "ADMIN" ? advisorId : null,
    clientCount: clients.length,
    clientsWithData: new Set(assetRows.map((row) => row.clientId)).size,
    assetsUnderAdvice: assets.total,
    net: money(assets.total.minor - debts.total.minor, base),
    ratesDay: assets.ratesDay ?? debts.ratesDay,
    notConverted,
    monthAgoDay,
    netMonthAgo: then.total,
    byType: regroup(assetSlices, (row) => row.type, rates, base),
    byBank: regroup(assetSlices, (row) => row.bank, rates, base),
    bankNames,
    needsAction: inbox.slice(0, NEEDS_ACTION_SHOWN),
    movers,
  };
}

type TAmountRow = { clientId: string; amount: TMoney };
type TSliceRow = { type: string; bank: string; amount: TMoney };

/**
 * The sums a book adds up (set-based, book-rows.ts), kept per scope (an advisor, or the firm) while
 * no sync has written. Access is decided before the cache is consulted: the key is the scope getBook
 * computed from the actor.
 */
const bookRowsCache = new LruCache<string, { version: string; rows: TBookRows }>(200);

/** Groups by key, exact per currency, one conversion and one rounding per group. */
function regroup(rows: readonly TSliceRow[], keyOf: (row: TSliceRow) => string, rates: FxRates, base: string): TAllocationSlice[] {
  const byKey = new Map<string, TMoney[]>();
  for (const row of rows) {
    const list = byKey.get(keyOf(row));
    if (list) list.push(row.amount);
    else byKey.set(keyOf(row), [row.amount]);
  }
  return allocate([...byKey].map(([key, amounts]) => ({ key, minor: rates.convertSum(amounts, base).total.minor })));
}

function netByClient(assets: readonly TAmountRow[], debts: readonly TAmountRow[], rates: FxRates, base: string): Map<string, bigint> {
  const grouped = new Map<string, { plus: TMoney[]; minus: TMoney[] }>();
  const of = (id: string) => grouped.get(id) ?? (grouped.set(id, { plus: [], minus: [] }), grouped.get(id)!);
  for (const row of assets) of(row.clientId).plus.push(row.amount);
  for (const row of debts) of(row.clientId).minus.push(row.amount);
  return new Map([...grouped].map(([id, { plus, minus }]) => [id, rates.convertSum(plus, base).total.minor - rates.convertSum(minus, base).total.minor]));
}

function netWithoutRate(assets: readonly TAmountRow[], debts: readonly TAmountRow[], rates: FxRates, base: string): TMoney[] {
  const net = [...assets.map((row) => row.amount), ...debts.map((row) => money(-row.amount.minor, row.amount.currency))];
  return rates.convertSum(net, base).notConverted;
}

/**
 * Net wealth on `day` from the daily snapshots (each connection with its latest snapshot up to that
 * day, as the client's history counts it: book-rows.ts), converted at that day's rates.
 */
function netAt(sums: readonly TSnapshotSum[], rates: FxRates, base: string, day: string) {
  if (sums.length === 0) return { total: null, byClient: new Map<string, bigint>() };
  const perClient = new Map<string, TMoney[]>();
  for (const row of sums) {
    const list = perClient.get(row.clientId);
    if (list) list.push(money(row.minor, row.currency));
    else perClient.set(row.clientId, [money(row.minor, row.currency)]);
  }
  const byClient = new Map([...perClient].map(([id, amounts]) => [id, rates.convertSum(amounts, base, day).total.minor]));
  return {
    total: rates.convertSum(
      sums.map((row) => money(row.minor, row.currency)),
      base,
      day,
    ).total,
    byClient,
  };
}
