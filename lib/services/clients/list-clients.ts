import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import type { TClientListQuery } from "./client-schemas";
import { ACTION_STATES } from "@/lib/services/connections/list-action-inbox";
import { listClientWealthTotals } from "@/lib/services/wealth/list-client-wealth-totals";

export const CLIENT_PAGE_SIZE = 50;

export type TClientListItem = TClientSummary & {
  needsAction: boolean;
  /** Stored wealth per currency (never summed across currencies), minor units as text (JSON-safe); empty before the first sync. */
  wealth: TClientWealthItem[];
  /** The newest Flanks `last_update` among the client's synced connections (ISO), or null. */
  dataAsOf: string | null;
};
export type TClientWealthItem = { currency: string; assetsMinor: string; liabilitiesMinor: string; netMinor: string };
export type TClientList = { items: TClientListItem[]; total: number; page: number; pageCount: number };

const ORDER: Record<NonNullable<TClientListQuery["sort"]>, Prisma.ClientOrderByWithRelationInput[]> = {
  name: [{ displayName: "asc" }, { id: "asc" }],
  created: [{ createdAt: "desc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
};

export async function listClients(actor: TActor, query: TClientListQuery): Promise<TClientList> {
  const where: Prisma.ClientWhereInput = {
    ...clientScope(actor),
    archived: query.archived === "1",
    ...(query.q
      ? { OR: [{ displayName: { contains: query.q } }, { contactEmail: { contains: query.q } }, { externalRef: { contains: query.q } }] }
      : {}),
  };
  const db = getDb();
  const total = await db.client.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / CLIENT_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await db.client.findMany({
    where,
    orderBy: ORDER[query.sort ?? "name"],
    skip: (page - 1) * CLIENT_PAGE_SIZE,
    take: CLIENT_PAGE_SIZE,
    select: CLIENT_SUMMARY_SELECT,
  });
  const ids = rows.map((row) => row.id);
  const [flagged, wealth, asOf] = await Promise.all([
    db.connection.findMany({ where: { clientId: { in: ids }, state: { in: [...ACTION_STATES] } }, select: { clientId: true }, distinct: ["clientId"] }),
    listClientWealthTotals(actor, ids),
    db.wealthSyncState.groupBy({ by: ["clientId"], where: { clientId: { in: ids } }, _max: { dataAsOfAt: true, lastSyncedAt: true } }),
  ]);
  const needing = new Set(flagged.map((row) => row.clientId));
  const asOfByClient = new Map(asOf.map((row) => [row.clientId, (row._max.dataAsOfAt ?? row._max.lastSyncedAt)?.toISOString() ?? null]));
  return {
    items: rows.map((row) => ({ ...toClientSummary(row), needsAction: needing.has(row.id), wealth: (wealth.get(row.id) ?? []).map((total) => ({
        currency: total.currency,
        assetsMinor: total.assets.minor.toString(),
        liabilitiesMinor: total.liabilities.minor.toString(),
        netMinor: total.net.minor.toString(),
      })), dataAsOf: asOfByClient.get(row.id) ?? null })),
    total,
    page,
    pageCount,
  };
}
