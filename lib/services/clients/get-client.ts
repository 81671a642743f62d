import "server-only";
import { cache } from "react";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { CLIENT_SUMMARY_SELECT, toClientSummary, type TClientSummary } from "./client-dto";
import { ZClientIdSchema } from "./client-schemas";
import { AppError } from "@/lib/errors/app-error";

/**
 * The client row, read once per rendered request (React `cache`): the client layout, the
 * connection banners and the tab's own access check all need it. Only the read is shared; every
 * caller still checks access with its own actor. Outside a render (actions, route handlers) each
 * call reads again.
 */
export const loadClientRow = cache((clientId: string) => getDb().client.findUnique({ where: { id: clientId }, select: CLIENT_SUMMARY_SELECT }));

/** Throws NOT_FOUND for a missing id, a malformed id and someone else's client alike. */
export async function findAccessibleClient(actor: TActor, clientId: unknown) {
  const parsed = ZClientIdSchema.safeParse({ clientId });
  if (!parsed.success) throw new AppError("NOT_FOUND", "Client not found");
  return assertClientAccess(actor, await loadClientRow(parsed.data.clientId));
}

/** Throws NOT_FOUND for a missing id, a malformed id and someone else's client alike. */
export async function getClient(actor: TActor, clientId: unknown): Promise<TClientSummary> {
  return toClientSummary(await findAccessibleClient(actor, clientId));
}
