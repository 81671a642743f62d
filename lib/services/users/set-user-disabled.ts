import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Disabling bumps the session version: every open session of that user is refused on its next request. */
export async function setUserDisabled(actor: TSessionUser, userId: string, disabled: boolean): Promise<void> {
  assertAdmin(actor);
  if (userId === actor.id && disabled) throw new AppError("BAD_REQUEST", "cannotDisableSelf");
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    if (user.disabled === disabled) return;
    await tx.user.update({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } } });
    await recordAuditEvent({ actor, action: disabled ? "user.disable" : "user.enable", target: { type: "user", id: userId } }, tx);
  });
}
