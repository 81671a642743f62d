import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { currenciesKey, listRateCurrencies, loadFxRates } from "@/lib/fx/load-fx-rates";
import { dayIn } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import type { TInsightSettings } from "@/lib/insights/compute-insights";
import { DEFAULT_CONCENTRATION_LIMIT_PCT } from "@/lib/insights/concentration";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";

/** The actor's concentration limit (whole %), once per request. */
export const getConcentrationLimitPct = cache(async (actor: TActor): Promise<number> => {
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { concentrationLimitPct: true } });
  return user?.concentrationLimitPct ?? DEFAULT_CONCENTRATION_LIMIT_PCT;
});

/**
 * Base currency, limit, the newest stored rate of every currency (one read, so a cached client's
 * insights and a new one's use the same rates), and today in the firm's time zone.
 */
export async function insightSettings(actor: TActor): Promise<TInsightSettings> {
  const [base, concentrationLimitPct, currencies] = await Promise.all([getBaseCurrency(actor), getConcentrationLimitPct(actor), listRateCurrencies()]);
  const rates = await loadFxRates(currenciesKey([base, ...currencies]), null);
  return { base, concentrationLimitPct, rates, today: dayIn(new Date(), firmTimeZone()) };
}
