import type { FxRates } from "@/lib/fx/fx-rates";
import { money, type TMoney } from "@/lib/money/money";
import { flowOf, type TFlowTransaction } from "./flows";
import type { TReviewSnapshot, TSnapshotConnection, TSnapshotLiability, TSnapshotPosition } from "./review-snapshot";

/*
 * What changed between a review's snapshot and today's (issue 20.3, docs/decisions/053). Pure: the
 * service reads the rows, this compares them. Per currency first (exact), then in the base currency.
 */

export type TReviewThresholds = {
  /** A position whose quantity changed by at least this percentage is listed (whole percent, > 0). */
  positionChangePercent: number;
  /** A movement whose amount (in this currency, converted when needed) is at least this is listed. */
  largeMovement: TMoney;
};

export const DEFAULT_REVIEW_THRESHOLDS = { positionChangePercent: 10, largeMovementMajor: 10_000 } as const;

export type TNetChange = {
  currency: string;
  then: TMoney;
  now: TMoney;
  change: TMoney;
  /** What the flows do not explain: prices, returns (dividends, interest), and in the base currency the exchange rates. */
  market: TMoney;
  flows: { accounts: TMoney; investments: TMoney; liabilities: TMoney; total: TMoney };
  /** The net wealth of banks connected (+) or disconnected (−) since the review. */
  connections: TMoney;
};

export type TBaseNetChange = TNetChange & {
  /** Rates day of the review's figure and of today's (null: only the base currency). */
  thenRatesDay: string | null;
  nowRatesDay: string | null;
  /** Currencies held without a rate: left out of every base figure, shown per currency. */
  notConverted: string[];
};

export type TPositionRef = Pick<TSnapshotPosition, "id" | "isin" | "name" | "portfolio" | "bank" | "type" | "currency"> & { connectionId: string };
export type TPositionChange = TPositionRef & { quantityThen: string; quantityNow: string; valueThen: TMoney; valueNow: TMoney; percent: number };
export type TMovement = Omit<TFlowTransaction, "amountMinor" | "currency" | "connectionId" | "symb"> & { amount: TMoney; isFlow: boolean };
export type TLiabilityRef = { id: string; name: string; bank: string; outstanding: TMoney };
export type TConnectionRef = { id: string; bank: string; stateThen: string | null; stateNow: string | null };
export type TFailedProducts = { id: string; bank: string; products: string[] };
export type TMifidChange = { bank: string; question: string; then: string[]; now: string[] };

export type TReviewChanges = {
  base: TBaseNetChange;
  perCurrency: TNetChange[];
  positions: {
    opened: (TPositionRef & { quantity: string; value: TMoney })[];
    closed: (TPositionRef & { quantity: string; value: TMoney })[];
    grown: TPositionChange[];
    shrunk: TPositionChange[];
  };
  movements: TMovement[];
  liabilities: { added: TLiabilityRef[]; repaid: TLiabilityRef[] };
  connections: { broke: TConnectionRef[]; recovered: TConnectionRef[]; added: TConnectionRef[]; removed: TConnectionRef[]; failedProducts: TFailedProducts[] };
  mifid: TMifidChange[];
  thresholds: TReviewThresholds;
};

/** States in which a connection's data is not being updated (lib/connections: the inbox lists them). */
const BROKEN_STATES = new Set(["NEEDS_SCA", "BLOCKED", "ERROR"]);

const rowKey = (row: { connectionId: string; id: string }) => `${row.connectionId}|${row.id}`;
const byKey = <T extends { connectionId: string; id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [rowKey(row), row]));

export type TCompareInput = {
  then: TReviewSnapshot;
  now: TReviewSnapshot;
  /** Account and investment transactions of the connections in both snapshots, after each one's `transactionsThrough`. */
  transactions: readonly TFlowTransaction[];
  thresholds: TReviewThresholds;
  base: string;
  /** Rates from the review's day on: the review's figures at its day's rates, today's at the newest. */
  rates: FxRates;
};

export function compareReview(input: TCompareInput): TReviewChanges {
  const { then, now, thresholds } = input;
  const thenConnections = new Map(then.connections.map((c) => [c.id, c]));
  const nowConnections = new Map(now.connections.map((c) => [c.id, c]));
  const isKept = (connectionId: string) => thenConnections.has(connectionId) && nowConnections.has(connectionId);
  const transactions = input.transactions.filter((tx) => isKept(tx.connectionId));
  const perCurrency = netChanges(then, now, transactions, isKept);
  return {
    base: baseNetChange(perCurrency, then, input.base, input.rates),
    perCurrency,
    positions: comparePositions(then.positions, now.positions, thresholds.positionChangePercent),
    movements: largeMovements(transactions, thresholds.largeMovement, input.rates),
    liabilities: compareLiabilities(then.liabilities, now.liabilities),
    connections: compareConnections(thenConnections, nowConnections),
    mifid: compareMifid(then, now),
    thresholds,
  };
}

type TSums = Map<string, bigint>;
const add = (sums: TSums, currency: string, minor: bigint) => sums.set(currency, (sums.get(currency) ?? 0n) + minor);

/** Net wealth per currency of the rows whose connection passes `keep`. */
function netOf(snapshot: TReviewSnapshot, keep: (connectionId: string) => boolean): TSums {
  const sums: TSums = new Map();
  for (const row of snapshot.accounts) if (keep(row.connectionId)) add(sums, row.currency, BigInt(row.balanceMinor));
  for (const row of snapshot.positions) if (keep(row.connectionId)) add(sums, row.currency, BigInt(row.valueMinor));
  for (const row of snapshot.liabilities) if (keep(row.connectionId)) add(sums, row.currency, -BigInt(row.outstandingMinor));
  return sums;
}

function netChanges(then: TReviewSnapshot, now: TReviewSnapshot, transactions: readonly TFlowTransaction[], isKept: (id: string) => boolean): TNetChange[] {
  const all = () => true;
  const thenNet = netOf(then, all);
  const nowNet = netOf(now, all);
  // Banks connected or disconnected since: their whole net wealth, apart from market and flows.
  const added = netOf(now, (id) => !isKept(id));
  const removed = netOf(then, (id) => !isKept(id));
  const accountFlows: TSums = new Map();
  const investmentFlows: TSums = new Map();
  for (const tx of transactions) {
    const flow = flowOf(tx);
    if (flow !== null) add(tx.kind === "account" ? accountFlows : investmentFlows, tx.currency, flow);
  }
  // Outstanding debt of the connections in both: more debt is money that came from a lender (−), less is money paid to one (+).
  const liabilityFlows: TSums = new Map();
  for (const row of then.liabilities) if (isKept(row.connectionId)) add(liabilityFlows, row.currency, BigInt(row.outstandingMinor));
  for (const row of now.liabilities) if (isKept(row.connectionId)) add(liabilityFlows, row.currency, -BigInt(row.outstandingMinor));
  const currencies = [...new Set([...thenNet.keys(), ...nowNet.keys(), ...accountFlows.keys(), ...investmentFlows.keys()])].sort();
  return currencies.map((currency) => {
    const get = (sums: TSums) => sums.get(currency) ?? 0n;
    const change = get(nowNet) - get(thenNet);
    const flowTotal = get(accountFlows) + get(investmentFlows) + get(liabilityFlows);
    const connections = get(added) - get(removed);
    const m = (minor: bigint) => money(minor, currency);
    return {
      currency,
      then: m(get(thenNet)),
      now: m(get(nowNet)),
      change: m(change),
      market: m(change - flowTotal - connections),
      flows: { accounts: m(get(accountFlows)), investments: m(get(investmentFlows)), liabilities: m(get(liabilityFlows)), total: m(flowTotal) },
      connections: m(connections),
    };
  });
}

/**
 * In the base currency: the review's net wealth at the rates of its day, today's at the newest, the
 * flows and the banks connected since at the newest too; market is what remains, so it includes the
 * change of the exchange rates (a dollar position that did not move is a market change in euros).
 */
function baseNetChange(perCurrency: readonly TNetChange[], then: TReviewSnapshot, base: string, rates: FxRates): TBaseNetChange {
  const thenDay = then.base.ratesDay ?? then.takenAt.slice(0, 10);
  const notConverted = perCurrency.filter((entry) => rates.factor(entry.currency, base) === null).map((entry) => entry.currency);
  const convertible = perCurrency.filter((entry) => !notConverted.includes(entry.currency));
  const sum = (pick: (entry: TNetChange) => TMoney, day?: string) => rates.convertSum(convertible.map(pick), base, day);
  const thenBase = sum((entry) => entry.then, thenDay);
  const nowBase = sum((entry) => entry.now);
  const accounts = sum((entry) => entry.flows.accounts).total.minor;
  const investments = sum((entry) => entry.flows.investments).total.minor;
  const liabilities = sum((entry) => entry.flows.liabilities).total.minor;
  const connections = sum((entry) => entry.connections).total.minor;
  const change = nowBase.total.minor - thenBase.total.minor;
  const flowTotal = accounts + investments + liabilities;
  const m = (minor: bigint) => money(minor, base);
  return {
    currency: base,
    then: thenBase.total,
    now: nowBase.total,
    change: m(change),
    market: m(change - flowTotal - connections),
    flows: { accounts: m(accounts), investments: m(investments), liabilities: m(liabilities), total: m(flowTotal) },
    connections: m(connections),
    thenRatesDay: thenBase.ratesDay,
    nowRatesDay: nowBase.ratesDay,
    notConverted,
  };
}

/** An exact decimal text as an integer scaled by 10^12 (quantities have at most a few decimals); null when it is not a number. */
function scaled(text: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = (match[3] ?? "").slice(0, 12).padEnd(12, "0");
  const value = BigInt(match[2]!) * 10n ** 12n + BigInt(fraction);
  return match[1] === "-" ? -value : value;
}

function positionRef(row: TSnapshotPosition): TPositionRef {
  const { connectionId, id, isin, name, portfolio, bank, type, currency } = row;
  return { connectionId, id, isin, name, portfolio, bank, type, currency };
}

function comparePositions(then: readonly TSnapshotPosition[], now: readonly TSnapshotPosition[], thresholdPercent: number): TReviewChanges["positions"] {
  const thenByKey = byKey(then);
  const nowByKey = byKey(now);
  const withValue = (row: TSnapshotPosition) => ({ ...positionRef(row), quantity: row.quantity, value: money(BigInt(row.valueMinor), row.currency) });
  const opened = now.filter((row) => !thenByKey.has(rowKey(row))).map(withValue);
  const closed = then.filter((row) => !nowByKey.has(rowKey(row))).map(withValue);
  const grown: TPositionChange[] = [];
  const shrunk: TPositionChange[] = [];
  for (const row of now) {
    const before = thenByKey.get(rowKey(row));
    if (!before) continue;
    const q0 = scaled(before.quantity);
    const q1 = scaled(row.quantity);
    if (q0 === null || q1 === null || q0 <= 0n) continue;
    const delta = q1 - q0;
    // |Δq| / q0 ≥ threshold %, compared exactly: |Δq| × 100 ≥ threshold × q0.
    const magnitude = delta < 0n ? -delta : delta;
    if (delta === 0n || magnitude * 100n < BigInt(thresholdPercent) * q0) continue;
    const change: TPositionChange = {
      ...positionRef(row),
      quantityThen: before.quantity,
      quantityNow: row.quantity,
      valueThen: money(BigInt(before.valueMinor), before.currency),
      valueNow: money(BigInt(row.valueMinor), row.currency),
      percent: Number((delta * 10_000n) / q0) / 100,
    };
    (delta > 0n ? grown : shrunk).push(change);
  }
  return { opened, closed, grown, shrunk };
}

/**
 * Movements whose amount is at least the threshold: in its currency when it is the threshold's, else
 * converted at the newest rate. One without a rate is listed (better one line too many than a large
 * movement missed).
 */
function largeMovements(transactions: readonly TFlowTransaction[], threshold: TMoney, rates: FxRates): TMovement[] {
  return transactions
    .filter((tx) => {
      const amount = money(tx.amountMinor < 0n ? -tx.amountMinor : tx.amountMinor, tx.currency);
      const compared = amount.currency === threshold.currency ? amount : rates.convert(amount, threshold.currency);
      return compared === null || compared.minor >= threshold.minor;
    })
    .sort((a, b) => (a.day === b.day ? a.id.localeCompare(b.id) : a.day < b.day ? 1 : -1))
    .map((tx) => ({
      kind: tx.kind,
      id: tx.id,
      day: tx.day,
      description: tx.description,
      type: tx.type,
      bank: tx.bank,
      amount: money(tx.amountMinor, tx.currency),
      isFlow: flowOf(tx) !== null,
    }));
}

function compareLiabilities(then: readonly TSnapshotLiability[], now: readonly TSnapshotLiability[]): TReviewChanges["liabilities"] {
  const thenByKey = byKey(then);
  const nowByKey = byKey(now);
  const ref = (row: TSnapshotLiability): TLiabilityRef => ({
    id: row.id,
    name: row.name,
    bank: row.bank,
    outstanding: money(BigInt(row.outstandingMinor), row.currency),
  });
  // A liability still listed with nothing outstanding is repaid too (banks keep a paid-off loan for a while).
  const isOpen = (row: TSnapshotLiability) => BigInt(row.outstandingMinor) !== 0n;
  return {
    added: now.filter((row) => isOpen(row) && !(thenByKey.get(rowKey(row)) && isOpen(thenByKey.get(rowKey(row))!))).map(ref),
    repaid: then.filter((row) => isOpen(row) && !(nowByKey.get(rowKey(row)) && isOpen(nowByKey.get(rowKey(row))!))).map(ref),
  };
}

function compareConnections(then: Map<string, TSnapshotConnection>, now: Map<string, TSnapshotConnection>): TReviewChanges["connections"] {
  const result: TReviewChanges["connections"] = { broke: [], recovered: [], added: [], removed: [], failedProducts: [] };
  for (const [id, current] of now) {
    const before = then.get(id);
    const ref: TConnectionRef = { id, bank: current.bank, stateThen: before?.state ?? null, stateNow: current.state };
    if (!before) {
      result.added.push(ref);
      continue;
    }
    const wasBroken = BROKEN_STATES.has(before.state);
    const isBroken = BROKEN_STATES.has(current.state);
    if (!wasBroken && isBroken) result.broke.push(ref);
    if (wasBroken && !isBroken) result.recovered.push(ref);
    const failed = current.erroredProducts.filter((product) => !before.erroredProducts.includes(product));
    if (failed.length > 0) result.failedProducts.push({ id, bank: current.bank, products: failed });
  }
  for (const [id, before] of then) if (!now.has(id)) result.removed.push({ id, bank: before.bank, stateThen: before.state, stateNow: null });
  return result;
}

function compareMifid(then: TReviewSnapshot, now: TReviewSnapshot): TMifidChange[] {
  const bankOf = new Map([...then.connections, ...now.connections].map((c) => [c.id, c.bank]));
  const key = (row: { connectionId: string; questionId: string }) => `${row.connectionId}|${row.questionId}`;
  const thenByKey = new Map(then.mifid.map((row) => [key(row), row]));
  const nowKeys = new Set(now.mifid.map(key));
  const same = (a: string[], b: string[]) => [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
  // Only connections in both: a new bank's questionnaire is new, not changed.
  const keptConnections = new Set(then.connections.filter((c) => now.connections.some((n) => n.id === c.id)).map((c) => c.id));
  const changes: TMifidChange[] = [];
  for (const row of now.mifid) {
    if (!keptConnections.has(row.connectionId)) continue;
    const before = thenByKey.get(key(row));
    if (before && same(before.answers, row.answers)) continue;
    changes.push({ bank: bankOf.get(row.connectionId) ?? "", question: row.question, then: before?.answers ?? [], now: row.answers });
  }
  for (const row of then.mifid) {
    if (keptConnections.has(row.connectionId) && !nowKeys.has(key(row))) {
      changes.push({ bank: bankOf.get(row.connectionId) ?? "", question: row.question, then: row.answers, now: [] });
    }
  }
  return changes;
}
