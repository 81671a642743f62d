import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { findAccessibleHousehold } from "./household-access";
import { parseHouseholdRole, type THouseholdRole } from "./household-schemas";

export type THouseholdMember = { clientId: string; displayName: string; role: THouseholdRole; isArchived: boolean };

export type THousehold = {
  id: string;
  name: string;
  advisorName: string;
  members: THouseholdMember[];
  /** Clients of the household's advisor in no household yet: who can be added. */
  candidates: { clientId: string; displayName: string }[];
};

/** Throws NOT_FOUND for a missing id, a malformed id and another advisor's household alike. */
export async function getHousehold(actor: TActor, householdId: unknown): Promise<THousehold> {
  const household = await findAccessibleHousehold(actor, householdId);
  const db = getDb();
  const [advisor, members, candidates] = await Promise.all([
    db.user.findUnique({ where: { id: household.advisorId }, select: { name: true } }),
    db.householdMember.findMany({
      where: { householdId: household.id },
      orderBy: [{ addedAt: "asc" }, { clientId: "asc" }],
      select: { clientId: true, role: true, client: { select: { displayName: true, archived: true } } },
    }),
    db.client.findMany({
      where: { advisorId: household.advisorId, archived: false, household: null },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true, displayName: true },
    }),
  ]);
  return {
    id: household.id,
    name: household.name,
    advisorName: advisor?.name ?? "",
    members: members.map((member) => ({
      clientId: member.clientId,
      displayName: member.client.displayName,
      role: parseHouseholdRole(member.role),
      isArchived: member.client.archived,
    })),
    candidates: candidates.map((client) => ({ clientId: client.id, displayName: client.displayName })),
  };
}
