import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { REPORT_AUDIT_ACTION, REPORT_FORMATS, type TReportFormat } from "./make-client-report";

export const RECENT_REPORTS_SHOWN = 10;

export type TRecentReport = { id: number; at: Date; by: string | null; from: string | null; to: string | null; format: TReportFormat | null; insights: number };

// The audit event's details as makeClientReport writes them; read leniently (an older or odd event still lists, with blanks).
const ZDetailsSchema = z.object({
  format: z.enum(REPORT_FORMATS).nullable().catch(null),
  from: z.string().nullable().catch(null),
  to: z.string().nullable().catch(null),
  insights: z.array(z.string()).catch([]),
});

function parseDetails(details: string) {
  try {
    return ZDetailsSchema.parse(JSON.parse(details));
  } catch {
    return { format: null, from: null, to: null, insights: [] };
  }
}

/** The reports made for a client, newest first, read back from the audit log (the record of them: decision 055). */
export async function listRecentReports(actor: TActor, clientIdInput: unknown): Promise<TRecentReport[]> {
  const client = await findAccessibleClient(actor, clientIdInput);
  const rows = await getDb().auditEvent.findMany({
    where: { targetType: "client", targetId: client.id, action: REPORT_AUDIT_ACTION },
    orderBy: { id: "desc" },
    take: RECENT_REPORTS_SHOWN,
    select: { id: true, at: true, actorId: true, actorEmail: true, details: true },
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  return rows.map((row) => {
    const details = parseDetails(row.details);
    // The name as it is now; the email as it was recorded when the user is gone.
    return {
      id: row.id,
      at: row.at,
      by: (row.actorId && names.get(row.actorId)) || row.actorEmail,
      from: details.from,
      to: details.to,
      format: details.format,
      insights: details.insights.length,
    };
  });
}
