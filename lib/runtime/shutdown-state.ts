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
