import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { syncConnection } from "@/lib/sync/sync-connection";
import { findUnknownCredentials } from "./admin-connections";
import { sealToken } from "@/lib/crypto/credentials-token-vault";
import { refreshConnectionStatus } from "@/lib/connections/refresh-connection-status";

/**
 * Credentials Flanks lists that no connection holds (a code exchanged but refused, a Link made
 * outside Patrimonio) become a connection of an existing, non-archived client, by an admin's
 * decision. When Flanks' external_id names a client, only that client can take them (issue 16.4).
 */
export async function adoptUnknownCredentials(actor: TSessionUser, input: { handle: string; clientId: string }): Promise<{ connectionId: string }> {
  assertAdmin(actor);
  const db = getDb();
  const client = await db.client.findUnique({ where: { id: input.clientId }, select: { id: true, archived: true } });
  if (!client) throw new AppError("BAD_REQUEST", "unknownClient", { clientId: ["unknownClient"] });
  if (client.archived) throw new AppError("CONFLICT", "archivedClient");
  const found = await findUnknownCredentials(input.handle);
  if (found.externalId && found.externalId !== client.id) throw new AppError("CONFLICT", "externalIdMismatch");
  const connection = await db.$transaction(async (tx) => {
    // The sealed token is bound to its connection's id: the row first, then its token (same transaction).
    const created = await tx.connection.create({
      data: { clientId: client.id, bank: found.bank, linkToken: getEnv().flanksLinkToken, credentialsTokenHash: input.handle, state: "PENDING" },
    });
    await tx.connection.update({
      where: { id: created.id },
      data: { credentialsTokenEnc: sealToken(found.credentialsToken, "credentials_token", { rowId: created.id }) },
    });
    await recordAuditEvent(
      { actor, action: "connection.adopt", target: { type: "connection", id: created.id }, details: { clientId: client.id, bank: found.bank } },
      tx,
    );
    return created;
  });
  const refreshed = await refreshConnectionStatus(connection.id, actor);
  if (refreshed.hasNewData) await syncConnection(connection.id, { reason: "first-extraction", requestedById: actor.id });
  return { connectionId: connection.id };
}
