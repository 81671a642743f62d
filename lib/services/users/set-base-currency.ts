import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { listRateCurrencies } from "@/lib/fx/load-fx-rates";

/**
 * The actor's own base currency (every signed-in user may set theirs, and only theirs): one with a
 * stored ECB rate, or null to follow the firm's BASE_CURRENCY.
 */
export async function setBaseCurrency(actor: TActor, currency: string | null): Promise<void> {
  if (currency !== null && !(await listRateCurrencies()).includes(currency)) {
    throw new AppError("BAD_REQUEST", "unknownCurrency", { baseCurrency: ["unknownCurrency"] });
  }
  await getDb().user.update({ where: { id: actor.id }, data: { baseCurrency: currency } });
}
