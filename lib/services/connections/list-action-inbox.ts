import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { CONNECTION_SUMMARY_SELECT, latestSyncRuns, toConnectionSummary, type TConnectionSummary } from "@/lib/connections/connection-dto";
import { STATE_URGENCY } from "@/lib/sync/connection-state";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import type { TConverted } from "@/lib/fx/fx-rates";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { readConnectionAssets } from "@/lib/connections/connection-assets";

export const ACTION_STATES = ["BLOCKED", "NEEDS_SCA", "ERROR", "PARTIAL"] as const;

/** `atStake`: the connection's stored assets in the actor's base currency (what goes stale while it waits), with any currency without a rate apart. */
export type TInboxItem = TConnectionSummary & { clientName: string; atStake: TConverted };

/**
 * Every connection of the actor's clients that needs something: the largest wealth at stake first
 * (base currency), then the most urgent state, then the oldest problem.
 */
export async function listActionInbox(actor: TActor, options: { advisorId?: string | null } = {}): Promise<TInboxItem[]> {
  const db = getDb();
  // An admin may narrow to one advisor's clients (the book's filter); an advisor's scope is always their own.
  const scope = actor.role === "ADMIN" && options.advisorId ? { advisorId: options.advisorId } : clientScope(actor);
  const rows = await db.connection.findMany({
    where: { state: { in: [...ACTION_STATES] }, client: { ...scope, archived: false } },
    select: { ...CONNECTION_SUMMARY_SELECT, client: { select: { displayName: true } } },
    take: 500,
  });
  const ids = rows.map((row) => row.id);
  const [runs, assets, base] = await Promise.all([latestSyncRuns(db, ids), readConnectionAssets(ids), getBaseCurrency(actor)]);
  const rates = await loadFxRates(currenciesKey([base, ...[...assets.values()].flat().map((amount) => amount.currency)]), null);
  return rows
    .map((row) => ({
      ...toConnectionSummary(row, runs.get(row.id)),
      clientName: row.client.displayName,
      atStake: rates.convertSum(assets.get(row.id) ?? [], base),
    }))
    .sort(
      (a, b) =>
        (a.atStake.total.minor === b.atStake.total.minor ? 0 : a.atStake.total.minor > b.atStake.total.minor ? -1 : 1) ||
        STATE_URGENCY[a.state] - STATE_URGENCY[b.state] ||
        a.stateSince.localeCompare(b.stateSince),
    );
}
