// TestBank scenarios, chosen by the password as Flanks' own TestBank does. A password may combine
// several scenario words with "+", e.g. "sca-sms+slow": an SMS challenge during the Link, then a slow extraction.
import { TESTBANK_ID, type TSandboxBank } from "./banks";

export type TLinkChallenge = "sms" | "app";
export type TLinkErrorCode = "INVALID_CREDENTIALS" | "INVALID_SCA" | "CREDENTIALS_ALREADY_EXIST" | "INTERNAL_ERROR" | "ABORTED_BY_USER";

/** What happens to credentials after they are connected (kept in state, drives the status endpoint). */
export type TPostScenario = {
  needsScaLater: boolean;
  blockedLater: boolean;
  partialErrors: boolean;
  slowExtraction: boolean;
  empty: boolean;
  delayedExchange: boolean;
  /** The extraction is already finished (`pending: false`) by the time the code is exchanged. */
  finishedAtExchange: boolean;
};

export type TLinkOutcome =
  { kind: "error"; error: TLinkErrorCode } | { kind: "ok"; challenge: TLinkChallenge | null; challengeAlwaysFails: boolean; post: TPostScenario };

export const SMS_CODE = "123456";

export const SCENARIO_TABLE: readonly { password: string; effect: string }[] = [
  { password: "healthy", effect: "Connects; extraction finishes about 3 s later with every product." },
  { password: "sca-sms", effect: `SMS challenge during the Link: code ${SMS_CODE} passes, any other code gives INVALID_SCA.` },
  { password: "sca-app", effect: "App-approval challenge during the Link: Approve passes, Deny gives INVALID_SCA." },
  { password: "wrong-password", effect: "INVALID_CREDENTIALS (any password that is not in this table does the same)." },
  { password: "wrong-sca", effect: "SMS challenge that always fails: INVALID_SCA." },
  { password: "internal-error", effect: "INTERNAL_ERROR." },
  { password: "already-exists", effect: "CREDENTIALS_ALREADY_EXIST (also: the same username connected twice at one bank)." },
  { password: "needs-sca", effect: "Connects; after the first extraction the status carries an sca_token." },
  { password: "blocked", effect: "Connects; after the first extraction blocked is true and a reset_token is set." },
  { password: "partial", effect: "Connects; card, investment, liability transactions and investment income end errored." },
  { password: "slow", effect: "Connects; pending for about 65 s while products turn created one every 5 s." },
  { password: "empty", effect: "Connects; no products at all (identity only, MiFID empty)." },
  { password: "delayed", effect: "Connects; the first exchange of the code answers 202 (security checks), the next one succeeds." },
  { password: "ready", effect: "Connects; the extraction is already finished when the code is exchanged (the first status says pending: false)." },
];

const LINK_WORDS = new Set(["healthy", "sca-sms", "sca-app", "wrong-password", "wrong-sca", "internal-error", "already-exists"]);
const POST_WORDS = new Set(["needs-sca", "blocked", "partial", "slow", "empty", "delayed", "ready"]);

export const HEALTHY_POST: TPostScenario = {
  needsScaLater: false,
  blockedLater: false,
  partialErrors: false,
  slowExtraction: false,
  empty: false,
  delayedExchange: false,
  finishedAtExchange: false,
};

/** Decides what a username/password typed into the Link does at this bank. */
export function evaluateLogin(bank: TSandboxBank, password: string): TLinkOutcome {
  if (bank.id !== TESTBANK_ID) {
    // The fictional banks behave like real ones: any password of 4+ characters works.
    if (password.length < 4) return { kind: "error", error: "INVALID_CREDENTIALS" };
    return { kind: "ok", challenge: bank.alwaysManualRefresh ? "sms" : null, challengeAlwaysFails: false, post: HEALTHY_POST };
  }
  const words = password.trim().toLowerCase().split("+").filter(Boolean);
  if (words.length === 0 || words.some((word) => !LINK_WORDS.has(word) && !POST_WORDS.has(word))) {
    return { kind: "error", error: "INVALID_CREDENTIALS" };
  }
  const has = (word: string): boolean => words.includes(word);
  if (has("wrong-password")) return { kind: "error", error: "INVALID_CREDENTIALS" };
  if (has("internal-error")) return { kind: "error", error: "INTERNAL_ERROR" };
  if (has("already-exists")) return { kind: "error", error: "CREDENTIALS_ALREADY_EXIST" };
  const challenge: TLinkChallenge | null = has("sca-sms") || has("wrong-sca") ? "sms" : has("sca-app") ? "app" : null;
  return {
    kind: "ok",
    challenge,
    challengeAlwaysFails: has("wrong-sca"),
    post: {
      needsScaLater: has("needs-sca"),
      blockedLater: has("blocked"),
      partialErrors: has("partial"),
      slowExtraction: has("slow"),
      empty: has("empty"),
      delayedExchange: has("delayed"),
      finishedAtExchange: has("ready"),
    },
  };
}

export const DEFAULT_ACCOUNT_TRANSACTIONS = 500;
export const MAX_ACCOUNT_TRANSACTIONS = 200_000;
export const BIG_ACCOUNT_TRANSACTIONS = 100_000;

export type TVolume = {
  accountTransactions: number;
  years: number;
  /** At least this many investment positions (`positions=N`, ≤ 200). */
  positions?: number;
};

/** A joint account shared by every username naming the same key at the same bank (households, issue 19.4). */
export type TJointAccount = { key: string; isIbanSpaced: boolean };

/**
 * "joint-KEY" in a username (e.g. "carmen-joint-casa1") adds the joint account of KEY: the same IBAN
 * and balance for every username naming KEY at that bank, as two holders of one account see it
 * through their own credentials. "iban-spaced" sends its IBAN in groups of four, as some banks print it.
 */
export function jointAccountFromUsername(username: string): TJointAccount | null {
  const lower = username.toLowerCase();
  const key = /joint[=:_-]([a-z0-9]{1,40})/.exec(lower)?.[1];
  return key === undefined ? null : { key, isIbanSpaced: lower.includes("iban-spaced") };
}

/**
 * "deposit-N" in a username (e.g. "marta-deposit-95000") adds a remunerated account of exactly N euros
 * (1…99 999 999) held by the credentials owner alone: cash above the deposit guarantee's 100 000 € per
 * holder per bank can be made on purpose (insights, issue 20.2) without changing any other username's data.
 */
export function extraDepositFromUsername(username: string): number | null {
  const match = /deposit[=:_-](\d{1,8})(?!\d)/.exec(username.toLowerCase());
  const euros = match?.[1] === undefined ? 0 : Number(match[1]);
  return euros > 0 ? euros : null;
}

/**
 * The volume of account transactions is chosen by the username, so any bank can produce it:
 * "…big" (ends with big) gives 100 000, "tx=N" anywhere gives N (0…200 000), "years=N" spreads them over N years,
 * "positions=N" gives at least N investment positions (up to 200).
 */
export function volumeFromUsername(username: string): TVolume {
  const lower = username.toLowerCase();
  let count = DEFAULT_ACCOUNT_TRANSACTIONS;
  const tx = /tx[=:_-]?(\d{1,7})/.exec(lower);
  if (tx?.[1] !== undefined) count = Math.min(MAX_ACCOUNT_TRANSACTIONS, Number(tx[1]));
  else if (lower.endsWith("big")) count = BIG_ACCOUNT_TRANSACTIONS;
  const yearsMatch = /years[=:_-]?(\d{1,2})/.exec(lower);
  const years = yearsMatch?.[1] !== undefined ? Math.min(20, Math.max(1, Number(yearsMatch[1]))) : count > 5_000 ? 6 : 3;
  const positionsMatch = /positions[=:_-]?(\d{1,3})/.exec(lower);
  const positions = positionsMatch?.[1] !== undefined ? Math.min(200, Number(positionsMatch[1])) : undefined;
  return positions === undefined ? { accountTransactions: count, years } : { accountTransactions: count, years, positions };
}
