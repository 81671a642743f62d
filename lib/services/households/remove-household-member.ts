import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { findAccessibleHousehold } from "./household-access";

/** Takes a client out of the household; the household decides access, the client must be one of its members. */
export async function removeHouseholdMember(actor: TSessionUser, input: { householdId: string; clientId: string }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const household = await findAccessibleHousehold(actor, input.householdId, tx);
    const { count } = await tx.householdMember.deleteMany({ where: { clientId: input.clientId, householdId: household.id } });
    if (count === 0) throw new AppError("BAD_REQUEST", "notHouseholdMember", { clientId: ["notHouseholdMember"] });
    await recordAuditEvent(
      { actor, action: "household.update", target: { type: "household", id: household.id }, details: { change: "member.remove", clientId: input.clientId } },
      tx,
    );
  });
}
