import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZHouseholdIdSchema } from "./household-schemas";

/** A household belongs to the advisor of its clients; admins reach every household. */
export function canAccessHousehold(actor: TActor, household: { advisorId: string }): boolean {
  return actor.role === "ADMIN" || household.advisorId === actor.id;
}

/** The Prisma filter that limits a household query to what the actor may see. */
export function householdScope(actor: TActor): { advisorId?: string } {
  return actor.role === "ADMIN" ? {} : { advisorId: actor.id };
}

type TDb = Prisma.TransactionClient;

/**
 * The household row if the actor may reach it. A missing id, a malformed id and another advisor's
 * household are the same NOT_FOUND, so nobody learns which households exist.
 */
export async function findAccessibleHousehold(actor: TActor, householdId: unknown, db: TDb = getDb()) {
  const parsed = ZHouseholdIdSchema.safeParse({ householdId });
  if (!parsed.success) throw new AppError("NOT_FOUND", "Household not found");
  const household = await db.household.findUnique({ where: { id: parsed.data.householdId }, select: { id: true, name: true, advisorId: true } });
  if (!household || !canAccessHousehold(actor, household)) throw new AppError("NOT_FOUND", "Household not found");
  return household;
}
