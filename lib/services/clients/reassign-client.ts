import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export async function reassignClient(actor: TSessionUser, clientId: string, advisorId: string): Promise<void> {
  assertAdmin(actor);
  await getDb().$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId } });
    if (!client) throw new AppError("NOT_FOUND", "Client not found");
    const advisor = await tx.user.findUnique({ where: { id: advisorId } });
    if (!advisor || advisor.role !== "ADVISOR" || advisor.disabled) {
      throw new AppError("BAD_REQUEST", "Choose an active advisor", { advisorId: ["required"] });
    }
    if (client.advisorId === advisor.id) return;
    await tx.client.update({ where: { id: client.id }, data: { advisorId: advisor.id } });
    await recordAuditEvent(
      { actor, action: "client.reassign", target: { type: "client", id: client.id }, details: { from: client.advisorId, to: advisor.id } },
      tx,
    );
  });
}
