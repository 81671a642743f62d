import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb, getReadDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import type { TClientListQuery } from "./client-schemas";
import { readClientListFigures } from "./client-list-figures";

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
  const figures = await readClientListFigures(getReadDb(), clientScope(actor).advisorId ?? null, rows.map((row) => row.id));
  return {
    items: rows.map((row) => ({
      ...toClientSummary(row),
      needsAction: figures.needsAction.has(row.id),
      wealth: (figures.wealth.get(row.id) ?? []).map((total) => ({
        currency: total.currency,
        assetsMinor: total.assets.minor.toString(),
        liabilitiesMinor: total.liabilities.minor.toString(),
        netMinor: total.net.minor.toString(),
      })),
      dataAsOf: figures.dataAsOf.get(row.id)?.toISOString() ?? null,
    })),
    total,
    page,
    pageCount,
  };
}
