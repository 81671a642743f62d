import type { TConnectionState } from "@/lib/sync/connection-state";

type TStateLabels = { stateNames: Record<TConnectionState, string>; stateLoadingData: string };

/**
 * The state as people read it. Flanks' "finished" is not ours: until a sync has stored the data,
 * a finished connection reads "Loading data", never "Up to date" (issue 15.2).
 */
export function connectionStateLabel(connection: { state: TConnectionState; hasStoredData: boolean }, labels: TStateLabels): string {
  if (isAwaitingFirstLoad(connection)) return labels.stateLoadingData;
  return labels.stateNames[connection.state] ?? connection.state;
}

/** Finished at Flanks, nothing stored yet: the first load is due or running. */
export function isAwaitingFirstLoad(connection: { state: TConnectionState; hasStoredData: boolean }): boolean {
  return !connection.hasStoredData && (connection.state === "READY" || connection.state === "PARTIAL");
}
