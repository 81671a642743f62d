import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { toBaseCurrencyTotals, type TBaseCurrencyTotals } from "@/lib/wealth/base-currency-overview";
import { getHouseholdWealth, type THouseholdWealth } from "./get-household-wealth";

export type THouseholdBaseWealth = THouseholdWealth & { base: TBaseCurrencyTotals };

/**
 * The household's figures in the actor's base currency beside its per-currency ones, as the client
 * overview (get-base-overview.ts): the per-currency figures are kept per data version
 * (get-household-wealth.ts) and converted on each view from one read of today's rates, so a new
 * fixing shows at once. Access is checked by getHouseholdWealth.
 */
export async function getHouseholdBaseWealth(actor: TActor, householdId: unknown): Promise<THouseholdBaseWealth> {
  const wealth = await getHouseholdWealth(actor, householdId);
  const base = await getBaseCurrency(actor);
  const rates = await loadFxRates(currenciesKey([base, ...wealth.currencies.map((entry) => entry.currency)]), null);
  return { ...wealth, base: toBaseCurrencyTotals(wealth.currencies, base, rates) };
}
