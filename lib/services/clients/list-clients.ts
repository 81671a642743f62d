import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import type { TClientListQuery } from "./client-schemas";
import { ACTION_STATES } from "@/lib/services/connections/list-action-inbox";

export const CLIENT_PAGE_SIZE = 50;

export type TClientListItem = TClientSummary & { needsAction: boolean };
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
  const flagged = await db.connection.findMany({
    where: { clientId: { in: rows.map((row) => row.id) }, state: { in: [...ACTION_STATES] } },
    select: { clientId: true },
    distinct: ["clientId"],
  });
  const needing = new Set(flagged.map((row) => row.clientId));
  return { items: rows.map((row) => ({ ...toClientSummary(row), needsAction: needing.has(row.id) })), total, page, pageCount };
}
