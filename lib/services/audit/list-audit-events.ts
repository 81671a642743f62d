import "server-only";
import { z } from "zod";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditQuerySchema = z.object({
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  target: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuerySchema>;

export type TAuditEventRow = {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: string;
};

export async function listAuditEvents(
  actor: TActor,
  query: TAuditQuery,
): Promise<{ items: TAuditEventRow[]; page: number; hasMore: boolean; actions: string[] }> {
  assertAdmin(actor);
  const db = getDb();
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.target ? { targetId: query.target } : {}),
    ...(query.actor ? { actorEmail: { contains: query.actor } } : {}),
  };
  const page = query.page ?? 1;
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, actorEmail: true, action: true, targetType: true, targetId: true, requestId: true, details: true },
  });
  const actions = (await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } })).map((row) => row.action);
  return {
    items: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({ ...row, at: row.at.toISOString() })),
    page,
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    actions,
  };
}
