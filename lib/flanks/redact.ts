/**
 * Keeps the client secret, access tokens and credentials tokens out of every error message and log line.
 * Two layers: exact known secrets (the configured secret, the current access token, the tokens a call
 * was given) and patterns for token-looking fields in text we did not write (a server's error body).
 */

const REDACTED = "[redacted]";

/** JSON fields whose value is a secret, wherever they appear. */
const SECRET_FIELDS = [
  "client_secret",
  "access_token",
  "credentials_token",
  "sca_token",
  "reset_token",
  "transaction_token",
  "link_token",
  "password",
];

const FIELD_PATTERN = new RegExp(
  `("?(?:${SECRET_FIELDS.join("|")})"?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|[^\\s,&}\\]]+)`,
  "gi",
);
const BEARER_PATTERN = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export type TRedactor = {
  /** Registers a value that must never appear in output (ignores short values, which would over-match). */
  add(secret: string | null | undefined): void;
  text(input: string): string;
  value<T>(input: T): T;
};

export function createRedactor(initial: Array<string | null | undefined> = []): TRedactor {
  const secrets = new Set<string>();
  const add = (secret: string | null | undefined) => {
    if (secret && secret.length >= 6) secrets.add(secret);
  };
  initial.forEach(add);

  const text = (input: string): string => {
    let out = input;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
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

  return { add, text, value };
}
