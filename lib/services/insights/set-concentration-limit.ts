import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The actor's own concentration limit: a whole percentage from 1 to 100. */
export async function setConcentrationLimit(actor: TActor, pct: unknown): Promise<void> {
  if (typeof pct !== "number" || !Number.isInteger(pct) || pct < 1 || pct > 100) {
    throw new AppError("BAD_REQUEST", "invalidLimit", { concentrationLimitPct: ["invalidLimit"] });
  }
  await getDb().user.update({ where: { id: actor.id }, data: { concentrationLimitPct: pct } });
}
