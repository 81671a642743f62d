// The credentials status is computed from the clock (never from timers), so a test that advances
// the clock sees products turn created one by one, and a restart changes nothing.
import { DAY_IN_MS, hhmmOfMs, isoDayOfMs } from "./dates";
import { hexId } from "./prng";
import { volumeFromUsername } from "./scenarios";
import type { TCredentialsState } from "./state";

export const PRODUCT_KEYS = ["auth", "account", "card", "portfolio", "investment", "liability", "holders", "mifid"] as const;
export const TRANSACTION_KEYS = ["account", "card", "investment", "investmentincome", "liability"] as const;
export type TProductKey = (typeof PRODUCT_KEYS)[number];
export type TTransactionKey = (typeof TRANSACTION_KEYS)[number];
type TFlag = { group: "product"; key: TProductKey } | { group: "transaction"; key: TTransactionKey };

/** The order in which products finish; in the slow scenario each takes SLOW_STEP_MS. */
const ORDER: readonly TFlag[] = [
  { group: "product", key: "auth" },
  { group: "product", key: "account" },
  { group: "transaction", key: "account" },
  { group: "product", key: "card" },
  { group: "transaction", key: "card" },
  { group: "product", key: "portfolio" },
  { group: "product", key: "investment" },
  { group: "transaction", key: "investment" },
  { group: "transaction", key: "investmentincome" },
  { group: "product", key: "liability" },
  { group: "transaction", key: "liability" },
  { group: "product", key: "holders" },
  { group: "product", key: "mifid" },
];
export const HEALTHY_STEP_MS = 250;
export const SLOW_STEP_MS = 5_000;

/** What the "partial" scenario leaves errored. */
const PARTIAL_ERRORS: readonly TFlag[] = [
  { group: "product", key: "card" },
  { group: "product", key: "mifid" },
  { group: "transaction", key: "investment" },
  { group: "transaction", key: "liability" },
];

export type TFlags = { product: Record<TProductKey, boolean>; transaction: Record<TTransactionKey, boolean> };

export type TComputedStatus = {
  pending: boolean;
  blocked: boolean;
  scaToken: string | null;
  resetToken: string | null;
  transactionToken: string | null;
  created: TFlags;
  errored: TFlags;
  lastUpdateMs: number;
  lastTransactionDate: string | null;
};

/** How long each product takes; none at all when the scenario has it finished before the exchange. */
function stepMs(credentials: TCredentialsState): number {
  if (credentials.post.finishedAtExchange) return 0;
  return credentials.post.slowExtraction ? SLOW_STEP_MS : HEALTHY_STEP_MS;
}

export function extractionDoneAt(credentials: TCredentialsState): number {
  return credentials.createdAt + stepMs(credentials) * ORDER.length;
}

function flags(value: (flag: TFlag) => boolean): TFlags {
  const product = Object.fromEntries(PRODUCT_KEYS.map((key) => [key, value({ group: "product", key })])) as Record<TProductKey, boolean>;
  const transaction = Object.fromEntries(TRANSACTION_KEYS.map((key) => [key, value({ group: "transaction", key })])) as Record<TTransactionKey, boolean>;
  return { product, transaction };
}

export function scenarioScaToken(token: string): string {
  return `sca_${hexId(token, "scenario-sca")}`;
}
export function scenarioResetToken(token: string): string {
  return `rst_${hexId(token, "scenario-reset")}`;
}

export function computeStatus(credentials: TCredentialsState, now: number): TComputedStatus {
  const step = stepMs(credentials);
  const doneAt = extractionDoneAt(credentials);
  const createdAtOf = (flag: TFlag): number => credentials.createdAt + step * (ORDER.findIndex((f) => f.group === flag.group && f.key === flag.key) + 1);
  const created = flags((flag) => now >= createdAtOf(flag));
  const errored = flags(
    (flag) => credentials.post.partialErrors && now >= createdAtOf(flag) && PARTIAL_ERRORS.some((f) => f.group === flag.group && f.key === flag.key),
  );
  const unresolved = credentials.scenarioResolvedAt === null && now >= doneAt;
  const scenarioSca = credentials.post.needsScaLater && unresolved;
  const scenarioBlocked = credentials.post.blockedLater && unresolved;
  const scaToken = credentials.forcedScaToken ?? (scenarioSca ? scenarioScaToken(credentials.token) : null);
  const resetToken = credentials.forcedResetToken ?? (scenarioBlocked ? scenarioResetToken(credentials.token) : null);

  // Credentials refresh once a day after their last extraction, unless a flow waits for the user.
  let lastUpdateMs: number;
  const base = credentials.lastRefreshAt ?? doneAt;
  if (now < base) lastUpdateMs = credentials.lastRefreshAt ?? credentials.createdAt;
  else {
    const frozenAt = credentials.frozenSince ?? (scenarioSca || scenarioBlocked ? doneAt : null);
    const until = frozenAt === null ? now : Math.max(base, Math.min(now, frozenAt));
    lastUpdateMs = base + Math.floor((until - base) / DAY_IN_MS) * DAY_IN_MS;
  }
  const hasTransactions = !credentials.post.empty && volumeFromUsername(credentials.seedUsername).accountTransactions > 0;
  return {
    pending: now < doneAt,
    blocked: scenarioBlocked,
    scaToken,
    resetToken,
    transactionToken: credentials.transactionToken,
    created,
    errored,
    lastUpdateMs,
    lastTransactionDate: hasTransactions ? isoDayOfMs(credentials.createdAt - DAY_IN_MS) : null,
  };
}

/** The wire shape; POST status names the group "transaction", the list endpoint "transactions". */
export function statusBody(credentials: TCredentialsState, now: number, transactionKey: "transaction" | "transactions"): Record<string, unknown> {
  const s = computeStatus(credentials, now);
  return {
    pending: s.pending,
    blocked: s.blocked,
    reset_token: s.resetToken,
    last_transaction_date: s.lastTransactionDate,
    sca_token: s.scaToken,
    transaction_token: s.transactionToken,
    name: credentials.bank,
    last_update: isoDayOfMs(s.lastUpdateMs),
    time: hhmmOfMs(s.lastUpdateMs),
    last_update_timestamp: Math.floor(s.lastUpdateMs / 1000),
    created_at_timestamp: Math.floor(credentials.createdAt / 1000),
    errored: { product: s.errored.product, [transactionKey]: s.errored.transaction },
    created: { product: s.created.product, [transactionKey]: s.created.transaction },
  };
}
