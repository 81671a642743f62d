import type { z } from "zod";

export type TFlanksErrorKind = "unauthorized" | "not_found" | "rate_limited" | "unavailable" | "timeout" | "contract" | "bad_request";

export type TFlanksErrorOptions = {
  kind: TFlanksErrorKind;
  /** e.g. "POST v0/bank/credentials/account". */
  endpoint: string;
  status?: number;
  /** For rate_limited: what the server asked us to wait. */
  retryAfterMs?: number;
  /** Attempts made, retries included. */
  attempts?: number;
  /**
   * True when the request may or may not have taken effect (a timeout, network error or 5xx on a
   * call that is not retried, such as the one-use link-code exchange): reconcile later.
   */
  isOutcomeUnknown?: boolean;
  cause?: unknown;
};

/**
 * The one error type the client throws. Messages are built from redacted text only: they never
 * contain the client secret, an access token or a credentials token.
 */
export class FlanksError extends Error {
  readonly kind: TFlanksErrorKind;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number | undefined;
  readonly isOutcomeUnknown: boolean;

  constructor(message: string, options: TFlanksErrorOptions) {
    super(`${options.endpoint}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FlanksError";
    this.kind = options.kind;
    this.endpoint = options.endpoint;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.attempts = options.attempts;
    this.isOutcomeUnknown = options.isOutcomeUnknown ?? false;
  }
}

export type TContractIssue = { path: string; message: string };

/** The response did not match the reference's contract; `issues` name the field paths. */
export class FlanksContractError extends FlanksError {
  readonly issues: TContractIssue[];

  constructor(endpoint: string, issues: TContractIssue[], status?: number) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    super(`response breaks the contract: ${shown.join("; ")}${more}`, { kind: "contract", endpoint, status });
    this.name = "FlanksContractError";
    this.issues = issues;
  }
}

export function isFlanksError(error: unknown): error is FlanksError {
  return error instanceof FlanksError;
}

/** `investment[3].balance`, from zod's path and the name of the response's root. */
export function formatIssuePath(root: string, path: ReadonlyArray<PropertyKey>): string {
  let out = root;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out || "(root)";
}

/** zod's messages, minus their "Invalid input: " prefix. Values are never echoed (they may be secrets). */
export function contractIssuesOf(root: string, error: z.ZodError): TContractIssue[] {
  return error.issues.map((issue) => ({
    path: formatIssuePath(root, issue.path),
    message: issue.message.replace(/^Invalid input:\s*/i, ""),
  }));
}

/** Maps an HTTP status to an error kind (2xx never reaches here). */
export function kindOfStatus(status: number): TFlanksErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408) return "timeout";
  if (status >= 500) return "unavailable";
  return "bad_request";
}
