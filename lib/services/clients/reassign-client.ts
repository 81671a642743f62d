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
    // A household belongs to the advisor of its clients: the client leaves its household, which stays
    // with the previous advisor (docs/decisions/051). Same transaction, so no moment shows it in both.
    const membership = await tx.householdMember.findUnique({ where: { clientId: client.id }, select: { householdId: true, role: true } });
    if (membership) await tx.householdMember.delete({ where: { clientId: client.id } });
    await recordAuditEvent(
      {
        actor,
        action: "client.reassign",
        target: { type: "client", id: client.id },
        details: { from: client.advisorId, to: advisor.id, ...(membership ? { leftHousehold: membership.householdId } : {}) },
      },
      tx,
    );
    if (membership) {
      await recordAuditEvent(
        {
          actor,
          action: "household.update",
          target: { type: "household", id: membership.householdId },
          details: { change: "member.remove", clientId: client.id, reason: "client.reassign" },
        },
        tx,
      );
    }
  });
}
