import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TClientInput } from "./client-schemas";

/** The new client belongs to the advisor who creates it; admins assign clients by reassigning. */
export async function createClient(actor: TSessionUser, input: TClientInput): Promise<{ id: string }> {
  if (actor.role !== "ADVISOR") throw new AppError("FORBIDDEN", "Only advisors create clients");
  return getDb().$transaction(async (tx) => {
    const client = await tx.client.create({ data: { ...input, advisorId: actor.id }, select: { id: true } });
    await recordAuditEvent({ actor, action: "client.create", target: { type: "client", id: client.id } }, tx);
    return client;
  });
}
