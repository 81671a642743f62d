import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertClientAccess } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import type { TClientInput } from "./client-schemas";

export async function updateClient(actor: TSessionUser, clientId: string, input: TClientInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = assertClientAccess(actor, await tx.client.findUnique({ where: { id: clientId } }));
    await tx.client.update({ where: { id: before.id }, data: input });
    const changed = (Object.keys(input) as (keyof TClientInput)[]).filter((key) => before[key] !== input[key]);
    await recordAuditEvent({ actor, action: "client.update", target: { type: "client", id: before.id }, details: { changed } }, tx);
  });
}
