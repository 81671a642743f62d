import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import type { TConverted } from "@/lib/fx/fx-rates";
import { getHouseholdBaseWealth } from "./get-household-base-wealth";
import { listHouseholds, type THouseholdListItem } from "./list-households";

/** A listed household and its net wealth in the actor's base currency (null: no member has stored data yet). */
export type THouseholdListItemWithWealth = THouseholdListItem & { net: TConverted | null };

/**
 * The households list with each one's net wealth, the household page's own figure: each goes
 * through getHouseholdBaseWealth (kept per version of the members' data, access checked again), so
 * the list and the page never disagree. An advisor has a handful of households; one read each is fine.
 */
export async function listHouseholdsWithWealth(actor: TActor): Promise<THouseholdListItemWithWealth[]> {
  const households = await listHouseholds(actor);
  const result: THouseholdListItemWithWealth[] = [];
  for (const household of households) {
    if (household.members.length === 0) {
      result.push({ ...household, net: null });
      continue;
    }
    const wealth = await getHouseholdBaseWealth(actor, household.id);
    const { base } = wealth;
    result.push({
      ...household,
      net: wealth.hasData ? { total: base.net, notConverted: base.notConverted.map((entry) => entry.net), ratesDay: base.ratesDay } : null,
    });
  }
  return result;
}
