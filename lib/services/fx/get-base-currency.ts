import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** The currency the actor reads one-figure totals in: their own choice, else the firm's BASE_CURRENCY. Once per request. */
export const getBaseCurrency = cache(async (actor: TActor): Promise<string> => {
  const user = await getDb().user.findUnique({ where: { id: actor.id }, select: { baseCurrency: true } });
  return user?.baseCurrency ?? getEnv().BASE_CURRENCY;
});
