import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { findAccessibleHousehold } from "./household-access";
import type { THouseholdNameInput } from "./household-schemas";

export async function renameHousehold(actor: TSessionUser, householdId: unknown, input: THouseholdNameInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const household = await findAccessibleHousehold(actor, householdId, tx);
    if (household.name === input.name) return;
    await tx.household.update({ where: { id: household.id }, data: { name: input.name } });
    await recordAuditEvent(
      {
        actor,
        action: "household.update",
        target: { type: "household", id: household.id },
        details: { change: "rename", from: household.name, to: input.name },
      },
      tx,
    );
  });
}
