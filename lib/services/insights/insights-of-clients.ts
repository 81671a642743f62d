import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { LruCache } from "@/lib/cache/lru-cache";
import { getReadDb } from "@/lib/db";
import { toDate } from "@/lib/db/read-connection";
import { computeInsights } from "@/lib/insights/compute-insights";
import type { TInsight } from "@/lib/insights/types";
import { insightSettings } from "./insight-settings";
import { forClients, loadInsightInputs, REAUTHS_SQL } from "./load-insight-inputs";

/**
 * What the insights depend on besides the actor's settings, per client, read cheaply: each
 * connection's id, state, bank name, creation time and last sync run (a sync writes its rows and a
 * new run id in one transaction, as the overview's cache relies on), its completed re-authentications,
 * and the profile's values.
 */
const VERSION_SQL = forClients(
  (ids) => `SELECT c."clientId", c."id", c."state", c."bankName", c."createdAt", s."lastSyncRunId" FROM "Connection" c
  LEFT JOIN "WealthSyncState" s ON s."connectionId" = c."id" WHERE c."clientId" IN (${ids}) ORDER BY c."id"`,
);
// The profile itself, not its save time: PostgreSQL's timestamps come back as Dates, whose text has whole seconds.
const PROFILE_VERSION_SQL = forClients((ids) => `SELECT "clientId", "riskLevel", "familiesJson" FROM "InvestmentProfile" WHERE "clientId" IN (${ids})`);

/**
 * Computed insights per client, kept for the next view while nothing they depend on changed: the
 * book computes 150 clients' (~9 000 positions) on every view, ~0.25 s uncached here. The key holds
 * the data's version and the actor's base currency, limit, rates' day and today. Per process; the key
 * is read from the database on every call, so another instance's writes are seen at once.
 */
const insightsCache = new LruCache<string, { key: string; insights: TInsight[] }>(2_000);

/** The insights of clients the caller has already authorised, needing action first. */
export async function insightsOfClients(actor: TActor, clients: readonly { id: string; displayName: string }[]): Promise<Map<string, TInsight[]>> {
  const db = getReadDb();
  const clientIds = clients.map((client) => client.id);
  const params = db.dialect === "postgres" ? [clientIds] : { ids: JSON.stringify(clientIds) };
  const [connections, reauths, profiles, settings] = await Promise.all([
    db.all<{ clientId: string; id: string; state: string; bankName: string | null; createdAt: unknown; lastSyncRunId: string | null }>(VERSION_SQL, params),
    db.all<{ connectionId: string; usedAt: unknown }>(REAUTHS_SQL, params),
    db.all<{ clientId: string; riskLevel: unknown; familiesJson: string }>(PROFILE_VERSION_SQL, params),
    insightSettings(actor),
  ]);
  const instant = (value: unknown) => (value === null || value === undefined ? "" : toDate(value).toISOString());
  const reauthOf = new Map(reauths.map((row) => [row.connectionId, instant(row.usedAt)]));
  const versions = new Map<string, string>();
  for (const c of connections) {
    const part = `${c.id}:${c.state}:${c.bankName ?? ""}:${instant(c.createdAt)}:${c.lastSyncRunId ?? ""}:${reauthOf.get(c.id) ?? ""}`;
    versions.set(c.clientId, `${versions.get(c.clientId) ?? ""}${part},`);
  }
  for (const p of profiles) versions.set(p.clientId, `${versions.get(p.clientId) ?? ""}profile:${String(p.riskLevel)}:${p.familiesJson}`);
  const settingsKey = `${actor.id}|${settings.base}|${settings.concentrationLimitPct}|${settings.rates.latestDay ?? ""}|${settings.today}`;
  const keyOf = (clientId: string) => `${versions.get(clientId) ?? ""}|${settingsKey}`;

  const result = new Map<string, TInsight[]>();
  const missing = clients.filter((client) => {
    const cached = insightsCache.get(client.id);
    if (cached?.key !== keyOf(client.id)) return true;
    result.set(client.id, cached.insights);
    return false;
  });
  if (missing.length > 0) {
    const inputs = await loadInsightInputs(missing);
    for (const client of missing) {
      const entry = inputs.get(client.id);
      const insights = entry ? computeInsights(entry, settings) : [];
      // Keyed by the version read before the rows: a write in between makes the entry newer than its key, replaced on the next view.
      insightsCache.set(client.id, { key: keyOf(client.id), insights });
      result.set(client.id, insights);
    }
  }
  return result;
}
