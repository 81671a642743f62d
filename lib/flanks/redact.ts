import { LruCache } from "@/lib/cache/lru-cache";

/**
 * Keeps the client secret, access tokens and credentials tokens out of every error message and log line.
 * Two layers: exact known secrets (the configured secret, the current access token, the tokens a call
 * was given) and patterns for token-looking fields in text we did not write (a server's error body).
 */

const REDACTED = "[redacted]";

/** JSON fields whose value is a secret, wherever they appear. */
const SECRET_FIELDS = ["client_secret", "access_token", "credentials_token", "sca_token", "reset_token", "transaction_token", "link_token", "password"];

const FIELD_PATTERN = new RegExp(`("?(?:${SECRET_FIELDS.join("|")})"?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|[^\\s,&}\\]]+)`, "gi");
const BEARER_PATTERN = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/**
 * How many tokens seen in calls the redactor remembers (the most recently used). Every call adds
 * the tokens it sends again, so the ones in use stay; one process syncing every connection of a
 * firm would otherwise keep every credentials token it ever handled in memory, for its lifetime,
 * and scan each log line for all of them. A forgotten token is still masked where it appears as
 * a token field or a Bearer header (the patterns below).
 */
export const MAX_REMEMBERED_TOKENS = 256;

export type TRedactor = {
  /** Registers a value that must never appear in output (ignores short values, which would over-match). */
  add(secret: string | null | undefined): void;
  text(input: string): string;
  value<T>(input: T): T;
  /** How many exact values it holds (the initial ones and the remembered tokens). */
  readonly size: number;
};

/** `initial` (the client secret) is kept for the redactor's life; what `add` receives, within MAX_REMEMBERED_TOKENS. */
export function createRedactor(initial: Array<string | null | undefined> = []): TRedactor {
  const isLongEnough = (secret: string | null | undefined): secret is string => Boolean(secret && secret.length >= 6);
  const permanent = new Set(initial.filter(isLongEnough));
  const recent = new LruCache<string, true>(MAX_REMEMBERED_TOKENS);
  const add = (secret: string | null | undefined) => {
    if (isLongEnough(secret) && !permanent.has(secret)) recent.set(secret, true);
  };

  const text = (input: string): string => {
    let out = input;
    for (const secrets of [permanent, recent.keys()]) for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out
      .replace(BEARER_PATTERN, `$1${REDACTED}`)
      .replace(FIELD_PATTERN, (_m, key: string, val: string) => `${key}${val.startsWith('"') ? `"${REDACTED}"` : REDACTED}`);
  };

  const value = <T>(input: T): T => {
    if (typeof input === "string") return text(input) as T;
    if (Array.isArray(input)) return input.map((item) => value(item)) as T;
    if (input instanceof Error) return text(input.message) as T;
    if (input && typeof input === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, val] of Object.entries(input)) {
        out[key] = SECRET_FIELDS.includes(key.toLowerCase()) && val != null ? REDACTED : value(val);
      }
      return out as T;
    }
    return input;
  };

  return {
    add,
    text,
    value,
    get size() {
      return permanent.size + recent.size;
    },
  };
}
