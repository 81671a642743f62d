import type { z } from "zod";
import { contractIssuesOf, FlanksContractError, FlanksError, kindOfStatus } from "./errors";
import { JWE_CONTENT_TYPE, type TJweEncryptor } from "./jwe";
import type { TRedactor } from "./redact";
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs, sleep, type TRetryConfig } from "./retry";
import type { TTokenManager } from "./token-manager";

export type TFlanksLogger = {
  debug?: (message: string, meta?: Record<string, unknown>) => void;
  info?: (message: string, meta?: Record<string, unknown>) => void;
  warn?: (message: string, meta?: Record<string, unknown>) => void;
  error?: (message: string, meta?: Record<string, unknown>) => void;
};

/**
 * - "idempotent": repeating the request cannot do harm (reads, status, list, force, delete):
 *   retried on network errors, 429 and 5xx.
 * - "never": the one-use link-code exchange. A second attempt after a lost answer would fail as
 *   "already used" and hide the credentials we were given, so it is not retried; a timeout,
 *   network error or 5xx there is reported with `isOutcomeUnknown` (reconcile with listLinkCodes).
 * Both still get the single refresh-and-retry on 401: a rejected token means nothing was done.
 */
export type TRetryPolicy = "idempotent" | "never";

export type TCallOptions = {
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
  /** Per-attempt timeout, overriding the client's. */
  timeoutMs?: number;
};

export type TRequestSpec<T> = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Without a leading slash: "v0/bank/credentials/status", ".well-known/jwks.json". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sends the Bearer token (all but v0/token and the JWKS). */
  isAuthenticated: boolean;
  retry: TRetryPolicy;
  /** The response schema, or one per accepted status (the exchange answers 200 or 202). */
  schema: z.ZodType<T> | ((status: number) => z.ZodType<T>);
  /** Root name of field paths in contract errors, e.g. "investment". */
  root: string;
  /** Values of this call that must not leak (credentials tokens, link codes). */
  secrets?: Array<string | undefined>;
  /** Non-error statuses besides 200 (e.g. 202 for the exchange). */
  acceptStatuses?: number[];
  options?: TCallOptions;
};

export type THttpDeps = {
  apiUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: TRetryConfig;
  logger: TFlanksLogger;
  redactor: TRedactor;
  tokens: () => TTokenManager;
  jwe?: TJweEncryptor;
  random?: () => number;
};

export type TResponse<T> = { status: number; data: T };

/** The one place that talks HTTP: timeouts, Bearer + single 401 refresh, retries, parsing, errors. */
/**
 * An API on this machine (the sandbox): compression only costs CPU at both ends there. A 100 000-
 * transaction sync moves ~60 MB of JSON; gzip added ~3 s to fetching it from the sandbox on a
 * loaded 2-core machine. A remote Flanks is still asked for gzip, as fetch does by default.
 */
export function isLoopbackApi(apiUrl: string): boolean {
  const host = new URL(apiUrl).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function createHttp(deps: THttpDeps) {
  const { redactor, logger } = deps;
  const baseHeaders: Record<string, string> = isLoopbackApi(deps.apiUrl)
    ? { Accept: "application/json", "Accept-Encoding": "identity" }
    : { Accept: "application/json" };
  const log = (level: keyof TFlanksLogger, message: string, meta: Record<string, unknown>) => logger[level]?.(redactor.text(message), redactor.value(meta));

  function urlOf(spec: TRequestSpec<unknown>): string {
    const url = new URL(`${deps.apiUrl.replace(/\/+$/, "")}/${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async function request<T>(spec: TRequestSpec<T>): Promise<TResponse<T>> {
    spec.secrets?.forEach((secret) => redactor.add(secret));
    const endpoint = `${spec.method} ${spec.path}`;
    const url = urlOf(spec);
    const timeoutMs = spec.options?.timeoutMs ?? deps.timeoutMs;
    const maxAttempts = spec.retry === "never" ? 1 : Math.max(1, deps.retry.maxAttempts);
    const isOutcomeUnknownOnFailure = spec.retry === "never";
    let hasRefreshed = false;
    let attempt = 0;

    const fail = (message: string, options: Omit<ConstructorParameters<typeof FlanksError>[1], "endpoint">) => {
      const error = new FlanksError(redactor.text(message), { ...options, endpoint, attempts: attempt });
      log("warn", "flanks call failed", { endpoint, kind: error.kind, status: error.status, attempts: attempt });
      return error;
    };

    while (true) {
      attempt += 1;
      const headers: Record<string, string> = { ...baseHeaders };
      let token: string | undefined;
      if (spec.isAuthenticated) {
        token = await deps.tokens().get();
        headers.Authorization = `Bearer ${token}`;
      }
      let body: string | undefined;
      if (spec.body !== undefined) {
        if (deps.jwe) {
          body = await deps.jwe.encrypt(spec.body);
          headers["Content-Type"] = JWE_CONTENT_TYPE;
        } else {
          body = JSON.stringify(spec.body);
          headers["Content-Type"] = "application/json";
        }
      }

      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = spec.options?.signal ? AbortSignal.any([spec.options.signal, timeout]) : timeout;
      const startedAt = Date.now();
      let status: number;
      let text: string;
      let retryAfterHeader: string | null;
      try {
        const response = await deps.fetch(url, { method: spec.method, headers, body, signal });
        status = response.status;
        retryAfterHeader = response.headers.get("retry-after");
        text = await response.text();
      } catch (error) {
        if (spec.options?.signal?.aborted) throw spec.options.signal.reason;
        if (timeout.aborted) {
          // Not retried: a Flanks that hung once will likely hang again, and the caller's budget is timeoutMs.
          throw fail(isOutcomeUnknownOnFailure ? `timed out after ${timeoutMs} ms; outcome unknown, reconcile later` : `timed out after ${timeoutMs} ms`, {
            kind: "timeout",
            isOutcomeUnknown: isOutcomeUnknownOnFailure,
            cause: undefined,
          });
        }
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt < maxAttempts) {
          const delay = backoffDelayMs(attempt, deps.retry, deps.random);
          log("warn", "flanks network error, retrying", { endpoint, attempt, delayMs: delay, reason });
          await sleep(delay, spec.options?.signal);
          continue;
        }
        throw fail(`network error: ${reason}${isOutcomeUnknownOnFailure ? "; outcome unknown, reconcile later" : ""}`, {
          kind: "unavailable",
          isOutcomeUnknown: isOutcomeUnknownOnFailure,
        });
      }
      log("debug", "flanks call", { endpoint, status, attempt, ms: Date.now() - startedAt });

      if (status === 200 || status === 201 || spec.acceptStatuses?.includes(status)) {
        return { status, data: parse(spec, endpoint, status, text) };
      }

      if (status === 401 && spec.isAuthenticated && token !== undefined && !hasRefreshed) {
        // Flanks keeps one token at a time: ours expired or was replaced. One refresh, one retry.
        hasRefreshed = true;
        attempt -= 1;
        log("info", "flanks token rejected, refreshing once", { endpoint });
        await deps.tokens().refreshAfterRejection(token);
        continue;
      }

      const serverMessage = messageOf(text);
      if (status === 429) {
        const retryAfterMs = parseRetryAfterMs(retryAfterHeader);
        const canWait = retryAfterMs === undefined || retryAfterMs <= deps.retry.maxRetryAfterMs;
        if (attempt < maxAttempts && canWait) {
          const delay = retryAfterMs ?? backoffDelayMs(attempt, deps.retry, deps.random);
          log("warn", "flanks rate limited, retrying", { endpoint, attempt, delayMs: delay });
          await sleep(delay, spec.options?.signal);
          continue;
        }
        throw fail(`rate limited (HTTP 429)${serverMessage}`, { kind: "rate_limited", status, retryAfterMs });
      }

      if (isRetryableStatus(status) && attempt < maxAttempts) {
        // A 503 may say when to come back; honour it (within the cap) if longer than our backoff.
        const retryAfterMs = parseRetryAfterMs(retryAfterHeader);
        const backoff = backoffDelayMs(attempt, deps.retry, deps.random);
        const delay = retryAfterMs !== undefined && retryAfterMs <= deps.retry.maxRetryAfterMs ? Math.max(backoff, retryAfterMs) : backoff;
        log("warn", "flanks unavailable, retrying", { endpoint, attempt, status, delayMs: delay });
        await sleep(delay, spec.options?.signal);
        continue;
      }

      const isUnknown = isOutcomeUnknownOnFailure && status >= 500;
      throw fail(`HTTP ${status}${serverMessage}${isUnknown ? "; outcome unknown, reconcile later" : ""}`, {
        kind: kindOfStatus(status),
        status,
        isOutcomeUnknown: isUnknown,
      });
    }
  }

  function parse<T>(spec: TRequestSpec<T>, endpoint: string, status: number, text: string): T {
    let json: unknown;
    try {
      json = text === "" ? null : parseJson(text);
    } catch {
      throw new FlanksContractError(endpoint, [{ path: spec.root, message: "response is not JSON" }], status);
    }
    const schema = typeof spec.schema === "function" ? spec.schema(status) : spec.schema;
    const result = schema.safeParse(json);
    if (!result.success) {
      const error = new FlanksContractError(endpoint, contractIssuesOf(spec.root, result.error), status);
      log("error", "flanks contract break", { endpoint, issues: error.issues });
      throw error;
    }
    return result.data;
  }

  return { request };
}

/**
 * JSON, with each NUL character in a string replaced by U+FFFD. JSON allows "\u0000" in a string, PostgreSQL's text
 * refuses it (the whole sync's write would fail), and no Flanks field means anything by it; replaced on both databases
 * alike, so they store the same text. Only a body that has one pays for the reviver.
 */
export function parseJson(text: string): unknown {
  if (!text.includes("\\u0000")) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD") : value));
}

/** A short, redactable excerpt of the server's error body, for the error message. */
function messageOf(text: string): string {
  if (!text) return "";
  let message = text;
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === "object") {
      const record = json as Record<string, unknown>;
      const candidate = record.message ?? record.error_description ?? record.error ?? record.detail;
      if (typeof candidate === "string") message = candidate;
    }
  } catch {
    // not JSON: keep the raw text
  }
  return `: ${message.replace(/\s+/g, " ").slice(0, 200)}`;
}
