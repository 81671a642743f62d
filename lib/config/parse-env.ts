import { z } from "zod";

/** Loopback hosts may use plain http (the built-in sandbox, or a local imitation of Flanks in tests). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

const flanksUrl = z
  .url({ message: "must be an absolute URL" })
  .refine((value) => {
    if (!URL.canParse(value)) return true; // already reported by z.url()
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
  }, "must be https (plain http is allowed only on loopback addresses)")
  .transform((value) => value.replace(/\/+$/, ""));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

/** An IANA zone name this runtime's Intl accepts: a typo stops the app at start-up instead of failing the first page that shows a date. */
const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Madrid");

const ZRawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^(file:|libsql:|postgres)/, "must start with file:, libsql: or postgres")
      .optional(),
  ),
  FLANKS_API_URL: optionalString.pipe(flanksUrl.optional()),
  FLANKS_LINK_URL: optionalString.pipe(flanksUrl.optional()),
  FLANKS_CLIENT_ID: optionalString,
  FLANKS_CLIENT_SECRET: optionalString,
  FLANKS_LINK_TOKEN: optionalString,
  FLANKS_JWE: z.enum(["on", "off"]).default("off"),
  FLANKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url({ message: "must be an absolute URL" }).optional()),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (44 characters, e.g. `openssl rand -base64 32`)")
      .optional(),
  ),
  /**
   * The HMAC key of the audit chain (lib/audit/audit-hash.ts). Keep it out of the database's
   * reach (a secret store, not DATA_DIR) and never change it: events keyed with another key no longer verify.
   */
  AUDIT_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional()),
  /** Where the audit anchor (the latest event's id and hash) is written: a place the database's writers cannot rewrite. */
  AUDIT_ANCHOR_FILE: optionalString,
  FIRM_NAME: z.string().min(1).max(80).default("Patrimonio"),
  /** Every date and time shown (pages, CSV, audit log) is read in this zone; Flanks' "YYYY-MM-DD" days are calendar days and never shifted. */
  FIRM_TIME_ZONE: optionalString.pipe(timeZone.optional()).transform((value) => value ?? "Europe/Madrid"),
  /** Sandbox mode only: prepended to the tokens the sandbox issues, so tests can search every output for them. */
  SANDBOX_TOKEN_PREFIX: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - or _ (at most 64)")
      .optional(),
  ),
  /** Background work in the app process: status polling, link-code reconciliation, daily sync. */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /**
   * Shutdown (SIGTERM): how long running background jobs get to finish before their leases are released
   * for another instance (lib/jobs/graceful-shutdown.ts; decision 049). Keep the orchestrator's
   * stop timeout above it plus the time requests take (e.g. `docker stop -t 30`).
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Server processes `npm start` runs (scripts/serve.ts; docs/decisions/034-server-processes.md). Default: 1, at most the CPUs. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  /**
   * Sandbox mode: the loopback port of the one sandbox scripts/serve.ts runs for its workers (0: any free port).
   * The benchmark fixes it so its own processes reach the sandbox as the workers do.
   */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For (and set X-Forwarded-Proto /
   * -Host). 0: the app is reached directly, those headers are the caller's own words and are ignored;
   * the address is the TCP peer's (lib/security/client-address.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Sign-ins per address (failed, or still being checked) in 15 minutes before that address is refused. */
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Requests per address per minute to the end users' pages (invitations, consent, the Link's callback). */
  RATE_LIMIT_PUBLIC_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(120),
  /**
   * Set by scripts/serve.ts for its workers (scripts/start.ts for `next dev`): where the one sandbox of all server
   * processes listens (sandbox mode only; decision 044).
   */
  SANDBOX_UPSTREAM: optionalString.pipe(flanksUrl.optional()),
  /** The ECB's euro reference rates as XML (daily, 90-day or full history file); default: the ECB's 90-day file, or the sandbox's rates in sandbox mode. */
  FX_RATES_URL: optionalString.pipe(flanksUrl.optional()),
  /** The firm's currency for one-figure totals (an advisor may pick another on /settings). */
  BASE_CURRENCY: optionalString
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z]{3}$/, "must be a three-letter ISO 4217 code such as EUR")
        .optional(),
    )
    .transform((value) => value?.toUpperCase() ?? "EUR"),
});

export type TRawEnv = z.infer<typeof ZRawEnvSchema>;

export type TAppEnv = TRawEnv & {
  /** No FLANKS_CLIENT_ID: the app talks to its built-in sandbox and seeds demo accounts. */
  isSandboxMode: boolean;
  databaseUrl: string;
  flanksApiUrl: string;
  /** Absolute URL, or a path on this app (the sandbox Link page) when not configured. */
  flanksLinkUrl: string;
  flanksClientId: string;
  flanksClientSecret: string;
  flanksLinkToken: string;
  nextAuthSecret: string;
  encryptionKey: string;
  /** NEXTAUTH_URL is https: every response may say so (HSTS), and cookies are `secure`. */
  isPublicUrlHttps: boolean;
  auditKey: string;
  /** AUDIT_ANCHOR_FILE, or DATA_DIR/audit-anchor.json. */
  auditAnchorFile: string;
  /** FX_RATES_URL, else the sandbox's rates (sandbox mode) or the ECB's 90-day file. */
  fxRatesUrl: string;
};

export type TGeneratedSecrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string; SANDBOX_CLIENT_SECRET: string; AUDIT_KEY: string };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The ECB's euro reference rates of the last 90 days (one file, about 40 kB, history included for a first fetch). */
export const ECB_RATES_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml";
export const SANDBOX_CLIENT_ID = "patrimonio-sandbox";
export const SANDBOX_LINK_TOKEN = "sandbox-link";

/**
 * Parses the environment once. Secrets that are not configured come from `generated`
 * (created once under DATA_DIR, so a restart keeps sessions and encrypted data readable).
 */
export function parseEnv(source: Record<string, string | undefined>, generated: TGeneratedSecrets): TAppEnv {
  const result = ZRawEnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
  }
  const raw = result.data;
  const isSandboxMode = raw.FLANKS_CLIENT_ID === undefined;
  if (!isSandboxMode && raw.FLANKS_CLIENT_SECRET === undefined) {
    throw new ConfigError(["FLANKS_CLIENT_SECRET: required when FLANKS_CLIENT_ID is set"]);
  }
  if (!isSandboxMode && raw.FLANKS_LINK_TOKEN === undefined) {
    throw new ConfigError(["FLANKS_LINK_TOKEN: required when FLANKS_CLIENT_ID is set"]);
  }
  // Invitation links and sign-in redirects must name the real site, never a Host or X-Forwarded-Host a caller wrote.
  if (!isSandboxMode && raw.NEXTAUTH_URL === undefined) {
    throw new ConfigError(["NEXTAUTH_URL: required when FLANKS_CLIENT_ID is set (the public URL, e.g. https://wealth.example.com)"]);
  }
  const sandboxUrl = `http://127.0.0.1:${raw.PORT}/sandbox`;
  return {
    ...raw,
    isSandboxMode,
    // An absolute DATA_DIR stays absolute (`file:./` + `/srv/x` named ./srv/x under the current directory).
    databaseUrl: raw.DATABASE_URL ?? `file:${raw.DATA_DIR.startsWith("/") ? "" : "./"}${raw.DATA_DIR}/app.db`,
    flanksApiUrl: raw.FLANKS_API_URL ?? (isSandboxMode ? sandboxUrl : "https://api.flanks.io"),
    flanksLinkUrl: raw.FLANKS_LINK_URL ?? (isSandboxMode ? "/sandbox/link" : "https://platform.flanks.io/link"),
    flanksClientId: raw.FLANKS_CLIENT_ID ?? SANDBOX_CLIENT_ID,
    flanksClientSecret: raw.FLANKS_CLIENT_SECRET ?? generated.SANDBOX_CLIENT_SECRET,
    flanksLinkToken: raw.FLANKS_LINK_TOKEN ?? SANDBOX_LINK_TOKEN,
    nextAuthSecret: raw.NEXTAUTH_SECRET ?? generated.NEXTAUTH_SECRET,
    encryptionKey: raw.ENCRYPTION_KEY ?? generated.ENCRYPTION_KEY,
    isPublicUrlHttps: raw.NEXTAUTH_URL?.startsWith("https:") ?? false,
    auditKey: raw.AUDIT_KEY ?? generated.AUDIT_KEY,
    fxRatesUrl: raw.FX_RATES_URL ?? (isSandboxMode ? `${raw.FLANKS_API_URL ?? sandboxUrl}/fx/eurofxref-hist-90d.xml` : ECB_RATES_URL),
    auditAnchorFile: raw.AUDIT_ANCHOR_FILE ?? `${raw.DATA_DIR.replace(/\/+$/, "")}/audit-anchor.json`,
  };
}
