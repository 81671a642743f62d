import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { listRateCurrencies } from "@/lib/fx/load-fx-rates";

/** The actor's own settings and the choices offered: the currencies with a stored ECB rate. */
export async function getUserSettings(actor: TActor): Promise<{ baseCurrency: string | null; currencies: string[] }> {
  const [user, currencies] = await Promise.all([getDb().user.findUnique({ where: { id: actor.id }, select: { baseCurrency: true } }), listRateCurrencies()]);
  return { baseCurrency: user?.baseCurrency ?? null, currencies };
}
