import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { findAccessibleHousehold } from "./household-access";

/** Deletes the grouping only: its clients, their connections and data stay as they are. */
export async function deleteHousehold(actor: TSessionUser, householdId: unknown): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const household = await findAccessibleHousehold(actor, householdId, tx);
    const members = await tx.householdMember.findMany({ where: { householdId: household.id }, select: { clientId: true, role: true } });
    await tx.household.delete({ where: { id: household.id } });
    await recordAuditEvent(
      { actor, action: "household.delete", target: { type: "household", id: household.id }, details: { name: household.name, members } },
      tx,
    );
  });
}
