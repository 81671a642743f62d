import "server-only";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { idField } from "@/lib/validation/fields";
import type { TUserSummary } from "./user-dto";

export async function getUser(actor: TActor, userId: unknown): Promise<TUserSummary> {
  assertAdmin(actor);
  const id = idField.safeParse(userId);
  if (!id.success) throw new AppError("NOT_FOUND", "User not found");
  const row = await getDb().user.findUnique({
    where: { id: id.data },
    select: { id: true, name: true, email: true, role: true, disabled: true, createdAt: true, _count: { select: { clients: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: row.disabled,
    clientCount: row._count.clients,
    createdAt: row.createdAt.toISOString(),
  };
}
