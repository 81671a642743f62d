import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";

import type { Prisma } from "@/lib/generated/prisma/client";
import { CONNECTION_SUMMARY_SELECT, latestSyncRuns, toConnectionSummary, type TConnectionSummary } from "@/lib/connections/connection-dto";
import { CONNECTION_STATES } from "@/lib/sync/connection-state";
import { credentialsTokenLookupHash, openToken } from "@/lib/crypto/credentials-token-vault";
import { refreshConnectionStatus } from "@/lib/connections/refresh-connection-status";

export const ZAdminConnectionQuerySchema = z.object({
  state: z.enum(CONNECTION_STATES).optional().catch(undefined),
  advisor: z.string().max(40).optional().catch(undefined),
  bank: z.string().max(80).optional().catch(undefined),
});
export type TAdminConnectionQuery = z.infer<typeof ZAdminConnectionQuerySchema>;

export type TAdminConnection = TConnectionSummary & {
  clientName: string;
  advisorName: string;
  advisorId: string;
  statusJson: string | null;
  /** Status flags Flanks sent that the reference does not document: listed apart, never counted as products. */
  unknownStatusFlags: string[];
};

const ZStoredUnknownFlagsSchema = z.object({ unknown_flags: z.array(z.string()).catch([]) }).catch({ unknown_flags: [] });

function unknownFlagsOf(statusJson: string | null): string[] {
  if (!statusJson) return [];
  try {
    return ZStoredUnknownFlagsSchema.parse(JSON.parse(statusJson)).unknown_flags;
  } catch {
    return [];
  }
}

export async function listAllConnections(actor: TActor, query: TAdminConnectionQuery): Promise<TAdminConnection[]> {
  assertAdmin(actor);
  const where: Prisma.ConnectionWhereInput = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.bank ? { bank: query.bank } : {}),
    ...(query.advisor ? { client: { advisorId: query.advisor } } : {}),
  };
  const db = getDb();
  const rows = await db.connection.findMany({
    where,
    orderBy: [{ stateSince: "desc" }],
    take: 500,
    select: { ...CONNECTION_SUMMARY_SELECT, statusJson: true, client: { select: { displayName: true, advisor: { select: { id: true, name: true } } } } },
  });
  const runs = await latestSyncRuns(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...toConnectionSummary(row, runs.get(row.id)),
    clientName: row.client.displayName,
    advisorName: row.client.advisor.name,
    advisorId: row.client.advisor.id,
    statusJson: row.statusJson,
    unknownStatusFlags: unknownFlagsOf(row.statusJson),
  }));
}

export async function listConnectionBanks(actor: TActor): Promise<string[]> {
  assertAdmin(actor);
  const rows = await getDb().connection.findMany({ distinct: ["bank"], select: { bank: true }, orderBy: { bank: "asc" } });
  return rows.map((row) => row.bank).filter(Boolean);
}

async function credentialsTokenOf(connectionId: string): Promise<string> {
  const connection = await getDb().connection.findUnique({ where: { id: connectionId }, select: { id: true, credentialsTokenEnc: true } });
  if (!connection) throw new AppError("NOT_FOUND", "Connection not found");
  if (!connection.credentialsTokenEnc) throw new AppError("CONFLICT", "reauthNotNeeded");
  return openToken(connection.credentialsTokenEnc, "credentials_token", { rowId: connection.id });
}

/**
 * The flows an admin may force: those an end user can complete, through a re-authentication
 * invitation that opens the Link with the sca_token / reset_token. Not `transaction`: the reference
 * says nowhere what completes a transaction_token, so forcing it only stopped the daily refresh
 * ("Using this method will prevent the credentials to be automatically updated"); decision 039.
 */
export const ADMIN_FORCE_FLOWS = ["sca", "reset"] as const;
export type TAdminForceFlow = (typeof ADMIN_FORCE_FLOWS)[number];

/** PUT credentials/status: makes Flanks ask the end user for SCA or new credentials. */
export async function forceConnectionFlow(actor: TSessionUser, connectionId: string, flow: TAdminForceFlow): Promise<void> {
  assertAdmin(actor);
  if (!ADMIN_FORCE_FLOWS.includes(flow)) throw new AppError("BAD_REQUEST", "Unknown flow");
  const token = await credentialsTokenOf(connectionId);
  try {
    await getFlanksClient().forceStatus(token, flow);
  } catch (error) {
    throw new AppError("UPSTREAM_UNAVAILABLE", isFlanksError(error) ? "flanksUnavailable" : "generic");
  }
  await recordAuditEvent({ actor, action: `connection.force_${flow}`, target: { type: "connection", id: connectionId } });
  await refreshConnectionStatus(connectionId, actor);
}

export async function refreshConnectionByAdmin(actor: TSessionUser, connectionId: string): Promise<void> {
  assertAdmin(actor);
  await credentialsTokenOf(connectionId);
  const result = await refreshConnectionStatus(connectionId, actor);
  if (result.error) throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
}

export type TCredentialsComparison = {
  /** `handle`: the keyed hash of the credentials token (never the token), naming it to adopt or delete; `clientId` when external_id is one of our clients. */
  unknownAtPatrimonio: {
    handle: string;
    bank: string;
    externalId: string | null;
    clientId: string | null;
    clientName: string | null;
    pending: boolean | null;
    lastUpdate: string | null;
  }[];
  unknownAtFlanks: { id: string; bank: string; clientName: string }[];
};

/** credentials/list against our connections, by keyed hash (tokens are never compared in clear in the UI). */
export async function compareCredentials(actor: TActor): Promise<TCredentialsComparison> {
  assertAdmin(actor);
  const db = getDb();
  const { items } = await getFlanksClient().listCredentials();
  const flanksHashes = new Set<string>();
  const unknownAtPatrimonio: TCredentialsComparison["unknownAtPatrimonio"] = [];
  const connections = await db.connection.findMany({ select: { id: true, bank: true, credentialsTokenHash: true, client: { select: { displayName: true } } } });
  const ours = new Set(connections.map((connection) => connection.credentialsTokenHash).filter(Boolean));
  for (const item of items) {
    const hash = credentialsTokenLookupHash(item.credentials_token);
    flanksHashes.add(hash);
    if (!ours.has(hash)) {
      const client = item.external_id
        ? await db.client.findUnique({ where: { id: item.external_id }, select: { id: true, displayName: true } }).catch(() => null)
        : null;
      unknownAtPatrimonio.push({
        handle: hash,
        bank: item.bank,
        externalId: item.external_id ?? null,
        clientId: client?.id ?? null,
        clientName: client?.displayName ?? null,
        pending: item.status?.pending ?? null,
        lastUpdate: item.status?.last_update ?? null,
      });
    }
  }
  const unknownAtFlanks = connections
    .filter((connection) => connection.credentialsTokenHash && !flanksHashes.has(connection.credentialsTokenHash))
    .map((connection) => ({ id: connection.id, bank: connection.bank, clientName: connection.client.displayName }));
  return { unknownAtPatrimonio, unknownAtFlanks };
}

/** Credentials Flanks lists and no connection of ours holds, found again by their handle (the list is the truth, not the form). */
export async function findUnknownCredentials(handle: string): Promise<{ credentialsToken: string; bank: string; externalId: string | null }> {
  let items;
  try {
    ({ items } = await getFlanksClient().listCredentials());
  } catch (error) {
    throw new AppError("UPSTREAM_UNAVAILABLE", isFlanksError(error) ? "flanksUnavailable" : "generic");
  }
  const item = items.find((candidate) => credentialsTokenLookupHash(candidate.credentials_token) === handle);
  // Gone meanwhile (deleted, or adopted by another admin): a business answer, not an access refusal.
  if (!item) throw new AppError("CONFLICT", "credentialsGone");
  if (await getDb().connection.findUnique({ where: { credentialsTokenHash: handle }, select: { id: true } }))
    throw new AppError("CONFLICT", "credentialsAlreadyKnown");
  return { credentialsToken: item.credentials_token, bank: item.bank, externalId: item.external_id ?? null };
}
