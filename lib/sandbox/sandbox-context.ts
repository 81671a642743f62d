// What every sandbox handler shares: options, the persisted store, the clock, the key set, counters,
// and the operations that both the hosted Link and the control endpoint perform.
import { randomBytes } from "node:crypto";
import { findBank } from "./banks";
import { isoDayOfMs } from "./dates";
import { computeStatus } from "./extraction-status";
import { applyEvolutions, type TEvolutionSummary } from "./evolve";
import { credentialsSeed, generateCredentialsData, type TCredentialsData } from "./generate-data";
import type { TJweKeys } from "./jwe-keys";
import { extraDepositFromUsername, jointAccountFromUsername, volumeFromUsername, type TLinkErrorCode, type TPostScenario } from "./scenarios";
import type { TCredentialsState, TSandboxStore } from "./state";

export type TResolvedOptions = {
  stateFile: string;
  clientId: string;
  clientSecret: string;
  linkToken: string;
  linkRedirectUri: string;
  basePath: string;
  tokenTtlSeconds: number;
  /** Prepended to issued credentials tokens and access tokens ("" by default). */
  tokenPrefix: string;
};

export type TSandboxContext = {
  options: TResolvedOptions;
  store: TSandboxStore;
  keys: TJweKeys;
  now(): number;
  counters: Map<string, number>;
};

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function findLiveCredentials(ctx: TSandboxContext, token: unknown): TCredentialsState | null {
  if (typeof token !== "string") return null;
  return Object.hasOwn(ctx.store.state.credentials, token) ? (ctx.store.state.credentials[token] ?? null) : null;
}

const dataCache = new Map<string, { data: TCredentialsData; lastEvolution: TEvolutionSummary | null }>();

/** The data of live credentials, re-derived from the seed (cached briefly: generation takes ~10 ms), moved on by each evolution. */
export function dataFor(ctx: TSandboxContext, credentials: TCredentialsState): TCredentialsData {
  return evolvedDataFor(ctx, credentials).data;
}

/** dataFor, with what the last POST _control/evolve changed (null before any). */
export function evolvedDataFor(ctx: TSandboxContext, credentials: TCredentialsState): { data: TCredentialsData; lastEvolution: TEvolutionSummary | null } {
  const status = computeStatus(credentials, ctx.now());
  const updatedAtTimestamp = Math.floor(status.lastUpdateMs / 1000);
  const evolutions = credentials.evolutions ?? [];
  const key = `${credentials.token}|${credentials.externalId ?? ""}|${updatedAtTimestamp}|${evolutions.length}`;
  const cached = dataCache.get(key);
  if (cached) return cached;
  const generated = generateCredentialsData(credentialsSeed(credentials.bank, credentials.seedUsername), {
    credentialsToken: credentials.token,
    externalId: credentials.externalId,
    bankId: credentials.bank,
    asOf: isoDayOfMs(credentials.createdAt),
    updatedAtTimestamp,
    volume: volumeFromUsername(credentials.seedUsername),
    joint: jointAccountFromUsername(credentials.seedUsername),
    deposit: extraDepositFromUsername(credentials.seedUsername),
    empty: credentials.post.empty,
  });
  const evolved = credentials.post.empty ? { data: generated, last: null } : applyEvolutions(generated, credentials.token, evolutions);
  const entry = { data: evolved.data, lastEvolution: evolved.last };
  dataCache.set(key, entry);
  if (dataCache.size > 32) {
    const oldest = dataCache.keys().next().value;
    if (oldest !== undefined) dataCache.delete(oldest);
  }
  return entry;
}

export type TConnectRequest = {
  bank: string;
  username: string;
  post: TPostScenario;
  externalId: string | null;
  extra: Record<string, string>;
  linkToken: string;
  reauth: { kind: "sca" | "reset"; credentialsToken: string } | null;
};

/**
 * Finishes a successful login: creates the credentials (or clears the re-authentication state of
 * existing ones) and issues a one-use link code. Saved before returning.
 */
export function connect(ctx: TSandboxContext, request: TConnectRequest): { ok: true; code: string } | { ok: false; error: TLinkErrorCode } {
  const now = ctx.now();
  const state = ctx.store.state;
  let credentialsToken: string;
  if (request.reauth) {
    const existing = findLiveCredentials(ctx, request.reauth.credentialsToken);
    if (!existing) return { ok: false, error: "INTERNAL_ERROR" };
    if (request.reauth.kind === "sca") existing.forcedScaToken = null;
    else {
      existing.forcedResetToken = null;
      existing.username = request.username;
    }
    // One re-authentication settles the scenario's own sca/blocked state as well.
    existing.scenarioResolvedAt = now;
    existing.lastRefreshAt = now;
    existing.frozenSince = existing.forcedScaToken || existing.forcedResetToken ? existing.frozenSince : null;
    credentialsToken = existing.token;
  } else {
    if (!findBank(request.bank)) return { ok: false, error: "INTERNAL_ERROR" };
    const username = request.username.trim().toLowerCase();
    const duplicate = Object.values(state.credentials).some((c) => c.bank === request.bank && c.username.trim().toLowerCase() === username);
    if (duplicate) return { ok: false, error: "CREDENTIALS_ALREADY_EXIST" };
    credentialsToken = `${ctx.options.tokenPrefix}${randomBytes(16).toString("hex")}`;
    state.credentials[credentialsToken] = {
      token: credentialsToken,
      bank: request.bank,
      username: request.username.trim(),
      seedUsername: request.username.trim(),
      externalId: request.externalId,
      linkToken: request.linkToken,
      createdAt: now,
      post: request.post,
      forcedScaToken: null,
      forcedResetToken: null,
      transactionToken: null,
      scenarioResolvedAt: null,
      lastRefreshAt: null,
      frozenSince: null,
    };
  }
  const code = randomToken(18);
  state.codes[code] = { code, linkToken: request.linkToken, extra: request.extra, credentialsToken, createdAt: now, exchangedAt: null, delayedAnswered: false };
  ctx.store.save();
  return { ok: true, code };
}
