import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TUserInput } from "./user-schemas";

export async function createUser(actor: TSessionUser, input: TUserInput): Promise<{ id: string }> {
  assertAdmin(actor);
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash }, select: { id: true } });
      await recordAuditEvent({ actor, action: "user.create", target: { type: "user", id: user.id }, details: { email: input.email, role: input.role } }, tx);
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Email taken", { email: ["emailTaken"] });
    throw error;
  }
}
