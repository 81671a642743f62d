import "server-only";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { TUserSummary } from "./user-dto";

export async function listUsers(actor: TActor): Promise<TUserSummary[]> {
  assertAdmin(actor);
  const rows = await getDb().user.findMany({
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, disabled: true, createdAt: true, _count: { select: { clients: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: row.disabled,
    clientCount: row._count.clients,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Active advisors, for choosing who a client belongs to. */
export async function listActiveAdvisors(actor: TActor): Promise<{ id: string; name: string }[]> {
  assertAdmin(actor);
  return getDb().user.findMany({ where: { role: "ADVISOR", disabled: false }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
