import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { toBaseCurrency, type TBaseCurrencyFigures } from "@/lib/wealth/base-currency-overview";
import { getWealthOverview, type TWealthOverview } from "./get-wealth-overview";

export type TBaseOverview = TWealthOverview & { base: TBaseCurrencyFigures };

/**
 * The overview in the actor's base currency beside its per-currency figures. The per-currency
 * overview is cached per data version (get-wealth-overview.ts); the conversion is recomputed on each
 * view from one read of the rates, so a new fixing shows at once and the cache needs no rate key.
 */
export async function getBaseOverview(actor: TActor, clientId: unknown): Promise<TBaseOverview> {
  const overview = await getWealthOverview(actor, clientId);
  const base = await getBaseCurrency(actor);
  const firstDay = overview.currencies[0]?.history[0]?.day ?? null;
  const rates = await loadFxRates(currenciesKey([base, ...overview.currencies.map((entry) => entry.currency)]), firstDay);
  return { ...overview, base: toBaseCurrency(overview.currencies, base, rates) };
}
