import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { parseHouseholdRole, type THouseholdRole } from "./household-schemas";

/** The household the client belongs to, if any, for the link on the client's pages. */
export async function getClientHousehold(actor: TActor, clientId: unknown): Promise<{ id: string; name: string; role: THouseholdRole } | null> {
  const client = await findAccessibleClient(actor, clientId);
  const member = await getDb().householdMember.findUnique({
    where: { clientId: client.id },
    select: { role: true, household: { select: { id: true, name: true } } },
  });
  return member ? { id: member.household.id, name: member.household.name, role: parseHouseholdRole(member.role) } : null;
}
