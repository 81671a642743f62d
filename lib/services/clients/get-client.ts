import "server-only";
import { cache } from "react";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getReadDb } from "@/lib/db";
import { toDate } from "@/lib/db/read-connection";
import { toClientSummary, type TClientSummary } from "./client-dto";
import { ZClientIdSchema } from "./client-schemas";
import { AppError } from "@/lib/errors/app-error";

/**
 * The client row, read once per rendered request (React `cache`): the client layout, the
 * connection banners and the tab's own access check all need it. Only the read is shared; every
 * caller still checks access with its own actor. Outside a render (actions, route handlers) each
 * call reads again.
 */
export const loadClientRow = cache(async (clientId: string) => {
  const row = await getReadDb().get<TClientRow>(CLIENT_SQL, [clientId]);
  if (!row) return null;
  const { advisorName, archived, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    archived: Boolean(archived),
    createdAt: toDate(createdAt),
    updatedAt: toDate(updatedAt),
    advisor: { id: row.advisorId, name: advisorName },
  };
});

// A prepared statement (lib/db/read-connection.ts): every client page reads this row.
const CLIENT_SQL = `
  SELECT c."id", c."displayName", c."contactEmail", c."externalRef", c."language", c."archived", c."advisorId", c."createdAt", c."updatedAt", u."name" AS "advisorName"
  FROM "Client" c JOIN "User" u ON u."id" = c."advisorId"
  WHERE c."id" = ?`;

type TClientRow = {
  id: string;
  displayName: string;
  contactEmail: string;
  externalRef: string | null;
  language: string | null;
  archived: number | boolean;
  advisorId: string;
  createdAt: string;
  updatedAt: string;
  advisorName: string;
};

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
