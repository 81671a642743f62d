import { flagIsSet, PRODUCT_FLAG_KEYS, TRANSACTION_FLAG_KEYS, unknownFlagKeys, type TCredentialsStatus } from "@/lib/flanks/schemas";

export const CONNECTION_STATES = ["VERIFYING", "PENDING", "READY", "PARTIAL", "NEEDS_SCA", "BLOCKED", "ERROR"] as const;
export type TConnectionState = (typeof CONNECTION_STATES)[number];

/** What needs the advisor most urgently comes first in the inbox. */
export const STATE_URGENCY: Record<TConnectionState, number> = { BLOCKED: 0, NEEDS_SCA: 1, ERROR: 2, PARTIAL: 3, VERIFYING: 4, PENDING: 5, READY: 9 };

export function needsAction(state: TConnectionState): boolean {
  return state === "BLOCKED" || state === "NEEDS_SCA" || state === "ERROR" || state === "PARTIAL";
}

export type TStatusSummary = {
  state: TConnectionState;
  pending: boolean;
  blocked: boolean;
  hasScaToken: boolean;
  hasResetToken: boolean;
  /** Documented products only (the reference's 8 product and 5 transaction flags): what progress counts. */
  erroredProducts: string[];
  createdProducts: string[];
  /** Flags the reference does not document (`created.product.insurance`…), listed apart, never counted as products. */
  unknownFlags: string[];
  lastUpdate: string | null;
  lastUpdateAt: Date | null;
};

/** The documented flags that are set, in the reference's order ("14 of 13 products" came from counting any key, issue 15). */
function setFlags(flags: TCredentialsStatus["created"]): string[] {
  return [
    ...PRODUCT_FLAG_KEYS.filter((key) => flagIsSet(flags.product, key)),
    ...TRANSACTION_FLAG_KEYS.filter((key) => flagIsSet(flags.transaction, key)).map((key) => `transaction.${key}`),
  ];
}

/** Reads one status answer of Flanks into the state Patrimonio shows and acts on. */
export function summarizeStatus(status: TCredentialsStatus): TStatusSummary {
  const erroredProducts = setFlags(status.errored);
  const createdProducts = setFlags(status.created);
  const unknownFlags = [...new Set([...unknownFlagKeys(status.created), ...unknownFlagKeys(status.errored)])];
  const hasResetToken = Boolean(status.reset_token);
  const hasScaToken = Boolean(status.sca_token);
  const state: TConnectionState =
    status.blocked || hasResetToken ? "BLOCKED" : hasScaToken ? "NEEDS_SCA" : status.pending ? "PENDING" : erroredProducts.length ? "PARTIAL" : "READY";
  const lastUpdate = status.last_update ? `${status.last_update}${status.time ? ` ${status.time}` : ""}` : null;
  const lastUpdateAt = status.last_update_timestamp
    ? new Date(status.last_update_timestamp * (status.last_update_timestamp < 1e12 ? 1000 : 1))
    : status.last_update
      ? new Date(`${status.last_update}T${status.time ?? "00:00"}:00Z`)
      : null;
  return {
    state,
    pending: status.pending,
    blocked: status.blocked,
    hasScaToken,
    hasResetToken,
    erroredProducts,
    createdProducts,
    unknownFlags,
    lastUpdate,
    lastUpdateAt: lastUpdateAt && !Number.isNaN(lastUpdateAt.getTime()) ? lastUpdateAt : null,
  };
}

/** The documented product and transaction flags, the only ones stored. */
const PRODUCT_FLAGS: readonly string[] = PRODUCT_FLAG_KEYS;
const TRANSACTION_FLAGS: readonly string[] = TRANSACTION_FLAG_KEYS;

function pickFlags(flags: Record<string, unknown> | undefined, names: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(names.filter((name) => typeof flags?.[name] === "boolean").map((name) => [name, flags![name] as boolean]));
}

/**
 * Flags Flanks added are listed apart for the admin (issue 15.3) by name only: a name shaped like a
 * flag (`insurance`, `transaction.crypto`) is schema, not data; anything else is not stored.
 */
function storableFlagNames(names: string[]): string[] {
  return names.filter((name) => /^(transaction\.)?[a-z][a-z0-9_]{0,39}$/i.test(name)).slice(0, 20);
}

/**
 * The status as stored for the admin console: an allowlist of the documented fields, and of the
 * re-authentication tokens only whether they are present. Flanks "can add fields to any endpoint":
 * whatever it adds (a token, the holder's name) is not written to the database until someone
 * decides to keep it and adds it here.
 */
export function redactStatus(status: TCredentialsStatus): string {
  const present = (token: string | null | undefined) => (token ? "[present]" : null);
  return JSON.stringify({
    name: status.name,
    pending: status.pending,
    blocked: status.blocked,
    last_update: status.last_update ?? null,
    time: status.time ?? null,
    last_update_timestamp: status.last_update_timestamp ?? null,
    created_at_timestamp: status.created_at_timestamp ?? null,
    last_transaction_date: status.last_transaction_date ?? null,
    sca_token: present(status.sca_token),
    reset_token: present(status.reset_token),
    transaction_token: present(status.transaction_token),
    errored: { product: pickFlags(status.errored.product, PRODUCT_FLAGS), transaction: pickFlags(status.errored.transaction, TRANSACTION_FLAGS) },
    created: { product: pickFlags(status.created.product, PRODUCT_FLAGS), transaction: pickFlags(status.created.transaction, TRANSACTION_FLAGS) },
    unknown_flags: storableFlagNames(summarizeStatus(status).unknownFlags),
  });
}
