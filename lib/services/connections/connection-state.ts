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
  return { state, pending: status.pending, blocked: status.blocked, hasScaToken, hasResetToken, erroredProducts, createdProducts, unknownFlags, lastUpdate, lastUpdateAt: lastUpdateAt && !Number.isNaN(lastUpdateAt.getTime()) ? lastUpdateAt : null };
}

/** The status as stored for the admin console: the re-authentication tokens are removed. */
export function redactStatus(status: TCredentialsStatus): string {
  const { sca_token, reset_token, transaction_token, ...rest } = status;
  return JSON.stringify({ ...rest, sca_token: sca_token ? "[present]" : null, reset_token: reset_token ? "[present]" : null, transaction_token: transaction_token ? "[present]" : null });
}
