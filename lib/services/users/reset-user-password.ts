import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** A new password signs the user out everywhere. */
export async function resetUserPassword(actor: TSessionUser, userId: string, password: string): Promise<void> {
  assertAdmin(actor);
  const passwordHash = await hashPassword(password);
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAuditEvent({ actor, action: "user.password_reset", target: { type: "user", id: userId } }, tx);
  });
}
