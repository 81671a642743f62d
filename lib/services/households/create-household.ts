import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { THouseholdNameInput } from "./household-schemas";

/** The new household belongs to the advisor who creates it (admins manage existing ones, as with clients). */
export async function createHousehold(actor: TSessionUser, input: THouseholdNameInput): Promise<{ id: string }> {
  if (actor.role !== "ADVISOR") throw new AppError("FORBIDDEN", "advisorsOnly");
  return getDb().$transaction(async (tx) => {
    const household = await tx.household.create({ data: { name: input.name, advisorId: actor.id }, select: { id: true } });
    await recordAuditEvent({ actor, action: "household.create", target: { type: "household", id: household.id }, details: { name: input.name } }, tx);
    return household;
  });
}
