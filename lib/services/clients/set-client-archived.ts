import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";

export async function setClientArchived(actor: TSessionUser, clientId: string, archived: boolean): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const client = assertClientAccess(actor, await tx.client.findUnique({ where: { id: clientId } }));
    if (client.archived === archived) return;
    await tx.client.update({ where: { id: client.id }, data: { archived, archivedAt: archived ? new Date() : null } });
    await recordAuditEvent({ actor, action: archived ? "client.archive" : "client.unarchive", target: { type: "client", id: client.id } }, tx);
  });
}
