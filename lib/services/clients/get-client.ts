import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import { ZClientIdSchema } from "./client-schemas";
import { AppError } from "@/lib/errors/app-error";

/** Throws NOT_FOUND for a missing id, a malformed id and someone else's client alike. */
export async function getClient(actor: TActor, clientId: unknown): Promise<TClientSummary> {
  const parsed = ZClientIdSchema.safeParse({ clientId });
  if (!parsed.success) throw new AppError("NOT_FOUND", "Client not found");
  const row = await getDb().client.findUnique({ where: { id: parsed.data.clientId }, select: CLIENT_SUMMARY_SELECT });
  return toClientSummary(assertClientAccess(actor, row));
}
