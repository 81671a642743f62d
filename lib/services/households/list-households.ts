import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { householdScope } from "./household-access";
import { parseHouseholdRole, type THouseholdRole } from "./household-schemas";

export type THouseholdListItem = {
  id: string;
  name: string;
  advisorName: string;
  members: { clientId: string; displayName: string; role: THouseholdRole }[];
};

/** The actor's households (every household for an admin), by name, with their members. */
export async function listHouseholds(actor: TActor): Promise<THouseholdListItem[]> {
  const rows = await getDb().household.findMany({
    where: householdScope(actor),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      advisor: { select: { name: true } },
      members: { orderBy: [{ addedAt: "asc" }, { clientId: "asc" }], select: { clientId: true, role: true, client: { select: { displayName: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    advisorName: row.advisor.name,
    members: row.members.map((member) => ({ clientId: member.clientId, displayName: member.client.displayName, role: parseHouseholdRole(member.role) })),
  }));
}
