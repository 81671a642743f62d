/*
 * Whether this server process is shutting down (SIGTERM from scripts/serve.ts, decision 049).
 * Kept on globalThis: Next bundles the instrumentation hook and each route separately, so a
 * module-level flag would exist once per bundle, and the health route must see the flag the
 * shutdown handler set.
 */
const state = globalThis as unknown as { patrimonioShuttingDown?: boolean };

export function isShuttingDown(): boolean {
  return state.patrimonioShuttingDown === true;
}

export function markShuttingDown(): void {
  state.patrimonioShuttingDown = true;
}

/**
 * scripts/serve.ts asks each server worker to drain before it sends SIGTERM (which makes Next close
 * its server and exit): the worker stops its jobs and releases its leases, then answers.
 */
export const DRAIN_MESSAGE = "patrimonio:drain";
export const DRAINED_MESSAGE = "patrimonio:drained";
export type TDrainedMessage = { kind: typeof DRAINED_MESSAGE; released: string[] };

export const isDrainedMessage = (message: unknown): message is TDrainedMessage =>
  typeof message === "object" && message !== null && (message as TDrainedMessage).kind === DRAINED_MESSAGE;
