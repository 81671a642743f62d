import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAccessClient } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { findAccessibleHousehold } from "./household-access";
import type { THouseholdMemberInput } from "./household-schemas";

/**
 * Adds a client to the household with a role, or changes the role of a member. Only clients of the
 * household's advisor can be members (an advisor naming someone else's client gets the NOT_FOUND of
 * a client that does not exist); a client already in another household must leave it first.
 */
export async function setHouseholdMember(actor: TSessionUser, input: THouseholdMemberInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const household = await findAccessibleHousehold(actor, input.householdId, tx);
    const client = await tx.client.findUnique({
      where: { id: input.clientId },
      select: { id: true, advisorId: true, household: { select: { householdId: true, role: true } } },
    });
    if (!client || !canAccessClient(actor, client)) throw new AppError("NOT_FOUND", "Client not found");
    if (client.advisorId !== household.advisorId) throw new AppError("BAD_REQUEST", "householdOtherAdvisor", { clientId: ["householdOtherAdvisor"] });
    const current = client.household;
    if (current && current.householdId !== household.id) throw new AppError("CONFLICT", "alreadyInHousehold", { clientId: ["alreadyInHousehold"] });
    if (current?.role === input.role) return;
    await tx.householdMember.upsert({
      where: { clientId: client.id },
      create: { clientId: client.id, householdId: household.id, role: input.role },
      update: { role: input.role },
    });
    const details = current
      ? { change: "member.role", clientId: client.id, from: current.role, to: input.role }
      : { change: "member.add", clientId: client.id, role: input.role };
    await recordAuditEvent({ actor, action: "household.update", target: { type: "household", id: household.id }, details }, tx);
  });
}
