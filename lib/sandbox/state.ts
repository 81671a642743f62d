// The sandbox's persisted state. Generated data is never stored (it is re-derived from the seed);
// only what a real Flanks would remember: credentials, codes, the token, Link sessions, faults.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { TPostScenario, TLinkChallenge, TLinkErrorCode } from "./scenarios";
import type { TFaultRule } from "./faults";
import type { TShapeFault } from "./shape-faults";

export type TCredentialsState = {
  token: string;
  bank: string;
  /** The username last typed (a reset may change it). */
  username: string;
  /** The username at creation: the seed of the data, so a reset does not change the data. */
  seedUsername: string;
  externalId: string | null;
  linkToken: string;
  createdAt: number;
  post: TPostScenario;
  /** Tokens set by PUT status (force); scenario tokens are derived, not stored. */
  forcedScaToken: string | null;
  forcedResetToken: string | null;
  transactionToken: string | null;
  /** Set when a Link re-authentication cleared the scenario's sca/blocked state. */
  scenarioResolvedAt: number | null;
  /** Last re-authentication: the base of the daily refresh after it. */
  lastRefreshAt: number | null;
  /** Forced flows stop automatic updates (per the reference) from this moment. */
  frozenSince: number | null;
  /** Times of POST _control/evolve (evolve.ts): each moves the data on once. Absent in older state files. */
  evolutions?: number[];
};

export type TCodeState = {
  code: string;
  linkToken: string;
  extra: Record<string, string>;
  credentialsToken: string;
  createdAt: number;
  exchangedAt: number | null;
  /** The "delayed" scenario answers 202 once before the exchange succeeds. */
  delayedAnswered: boolean;
};

export type TLinkSession = {
  id: string;
  createdAt: number;
  linkToken: string;
  bank: string | null;
  /** True when the bank came from the URL (the bank list is skipped and cannot be changed). */
  bankFixed: boolean;
  externalId: string | null;
  rollback: boolean;
  extra: Record<string, string>;
  reauth: { kind: "sca" | "reset"; credentialsToken: string } | null;
  step: "bank" | "login" | "sca" | "error";
  pending: { username: string; post: TPostScenario; challenge: TLinkChallenge; alwaysFails: boolean } | null;
  error: TLinkErrorCode | null;
};

export type TSandboxState = {
  version: 1;
  key: { privateJwk: Record<string, unknown>; kid: string } | null;
  accessToken: { value: string; issuedAt: number; expiresAt: number } | null;
  credentials: Record<string, TCredentialsState>;
  codes: Record<string, TCodeState>;
  sessions: Record<string, TLinkSession>;
  faults: TFaultRule[];
  /** Answers reshaped as an imitation of Flanks sent them (shape-faults.ts). */
  shapeFaults: TShapeFault[];
  /** Added to the clock by POST _control/clock, persisted so time never runs backwards after a restart. */
  clockOffsetMs: number;
};

export function emptyState(): TSandboxState {
  return { version: 1, key: null, accessToken: null, credentials: {}, codes: {}, sessions: {}, faults: [], shapeFaults: [], clockOffsetMs: 0 };
}

export type TSandboxStore = { state: TSandboxState; save(): void };

/** Loads the state file (a missing file is a fresh sandbox); writes are atomic (temp file + rename). */
export function openStore(stateFile: string): TSandboxStore {
  let state = emptyState();
  if (existsSync(stateFile)) {
    try {
      const parsed = JSON.parse(readFileSync(stateFile, "utf8")) as Partial<TSandboxState>;
      if (parsed.version === 1) state = { ...emptyState(), ...parsed, version: 1 };
    } catch {
      // A damaged file must not take the app down: keep it aside and start fresh.
      renameSync(stateFile, `${stateFile}.corrupt-${Date.now()}`);
      console.warn(`sandbox: state file ${stateFile} was unreadable; moved aside, starting fresh`);
    }
  }
  let counter = 0;
  const store: TSandboxStore = {
    state,
    save() {
      // Synchronous on purpose: code exchange, token issue and deletes must be durable before the response.
      mkdirSync(dirname(stateFile), { recursive: true });
      const temp = `${stateFile}.${process.pid}.${++counter}.tmp`;
      writeFileSync(temp, JSON.stringify(store.state));
      renameSync(temp, stateFile);
    },
  };
  return store;
}
