import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { LINK_EXTRA_REFERENCE } from "@/lib/services/invitations/consent-to-invitation";
import { credentialsTokenLookupHash, linkCodeHash, openToken, sealToken } from "./credentials-token-vault";
import { refreshConnectionStatus } from "./refresh-connection-status";

export type TExchangeOutcome =
  | { kind: "connected"; exchangeId: string; connectionId: string; isReauthentication: boolean }
  | { kind: "verifying"; exchangeId: string; connectionId: string }
  | { kind: "failed"; reason: "unknown_reference" | "rejected" | "unavailable" };

type TExchangeInput = { code: string; reference: string | null; source: "callback" | "reconcile" | "retry" };

const WAIT_FOR_OTHER_MS = 20_000;

/**
 * Exchanges a link code exactly once. The unique `codeHash` row is claimed first: a second callback
 * with the same code (a reload, a double redirect, ten at once) waits for the first and answers
 * its result. The code is never sent to Flanks twice, except a code whose exchange Flanks answered
 * "delayed" or could not be reached, kept sealed for a later retry.
 */
export async function exchangeLinkCode(input: TExchangeInput): Promise<TExchangeOutcome> {
  const db = getDb();
  const codeHash = linkCodeHash(input.code);
  const invitation = input.reference ? await db.invitation.findUnique({ where: { reference: input.reference } }) : null;
  if (!invitation || invitation.revokedAt) {
    // Not ours to exchange: the code stays with Flanks and the admin sees it among unmapped codes.
    await recordAuditEvent({ actor: null, action: "connection.exchange_refused", details: { source: input.source, reason: "unknown_reference", codeHash: codeHash.slice(0, 12) } });
    return { kind: "failed", reason: "unknown_reference" };
  }

  const claim = await claimCode(codeHash, invitation.id, input.source);
  if (claim.kind === "settled") return claim.outcome;

  let result;
  try {
    result = await getFlanksClient().exchangeLinkCode(input.code);
  } catch (error) {
    const isRejected = isFlanksError(error) && (error.kind === "bad_request" || error.kind === "not_found");
    await db.linkCodeExchange.update({
      where: { id: claim.exchangeId },
      data: {
        status: isRejected ? "REJECTED" : "RETRY",
        codeEnc: isRejected ? null : sealToken(input.code, "link_code", { rowId: claim.exchangeId }),
        error: isFlanksError(error) ? `${error.kind}: ${error.message}`.slice(0, 500) : "unexpected error",
        attempts: { increment: 1 },
      },
    });
    await recordAuditEvent({
      actor: null,
      action: "connection.exchange_failed",
      target: { type: "client", id: invitation.clientId },
      details: { source: input.source, invitationId: invitation.id, kind: isFlanksError(error) ? error.kind : "unexpected" },
    });
    return { kind: "failed", reason: isRejected ? "rejected" : "unavailable" };
  }

  if (result.kind === "delayed") {
    const connectionId = await db.$transaction(async (tx) => {
      const existing = await tx.linkCodeExchange.findUniqueOrThrow({ where: { id: claim.exchangeId } });
      const connection = existing.connectionId
        ? { id: existing.connectionId }
        : await tx.connection.create({
            data: { clientId: invitation.clientId, invitationId: invitation.id, bank: "", linkToken: getEnv().flanksLinkToken, state: "VERIFYING" },
          });
      await tx.linkCodeExchange.update({
        where: { id: claim.exchangeId },
        data: { status: "DELAYED", codeEnc: sealToken(input.code, "link_code", { rowId: claim.exchangeId }), connectionId: connection.id, attempts: { increment: 1 }, error: result.message?.slice(0, 500) },
      });
      await recordAuditEvent({ actor: null, action: "connection.exchange_delayed", target: { type: "connection", id: connection.id }, details: { clientId: invitation.clientId } }, tx);
      return connection.id;
    });
    return { kind: "verifying", exchangeId: claim.exchangeId, connectionId };
  }

  // Flanks' own record of the extra parameters is the truth; the callback's query string could be tampered with.
  const flanksReference = result.extra?.[LINK_EXTRA_REFERENCE];
  const owner = flanksReference && flanksReference !== invitation.reference ? await db.invitation.findUnique({ where: { reference: flanksReference } }) : invitation;
  if (!owner) {
    await db.linkCodeExchange.update({ where: { id: claim.exchangeId }, data: { status: "ORPHAN", error: "extra maps to no invitation" } });
    await recordAuditEvent({ actor: null, action: "connection.exchange_orphan", details: { source: input.source } });
    return { kind: "failed", reason: "unknown_reference" };
  }

  const tokenHash = credentialsTokenLookupHash(result.credentials_token);
  const { connectionId, isReauthentication } = await db.$transaction(async (tx) => {
    const exchange = await tx.linkCodeExchange.findUniqueOrThrow({ where: { id: claim.exchangeId } });
    const known = await tx.connection.findUnique({ where: { credentialsTokenHash: tokenHash } });
    // The sealed token is bound to its connection's id: a new connection is created first, then given it (same transaction).
    const data = (connectionId: string) => ({
      credentialsTokenEnc: sealToken(result.credentials_token, "credentials_token", { rowId: connectionId }),
      credentialsTokenHash: tokenHash,
      linkToken: result.link_token ?? getEnv().flanksLinkToken,
    });
    let connection;
    if (known) {
      connection = await tx.connection.update({ where: { id: known.id }, data: data(known.id) });
    } else if (exchange.connectionId) {
      connection = await tx.connection.update({ where: { id: exchange.connectionId }, data: { ...data(exchange.connectionId), state: "PENDING", stateSince: new Date() } });
    } else {
      const created = await tx.connection.create({ data: { clientId: owner.clientId, invitationId: owner.id, bank: "", linkToken: result.link_token ?? getEnv().flanksLinkToken, state: "PENDING" } });
      connection = await tx.connection.update({ where: { id: created.id }, data: data(created.id) });
    }
    await tx.linkCodeExchange.update({ where: { id: claim.exchangeId }, data: { status: "EXCHANGED", codeEnc: null, connectionId: connection.id, error: null, attempts: { increment: 1 } } });
    await tx.invitation.update({ where: { id: owner.id }, data: { usedAt: owner.usedAt ?? new Date() } });
    await recordAuditEvent(
      {
        actor: null,
        action: known ? "connection.reauthenticated" : "connection.exchange",
        target: { type: "connection", id: connection.id },
        details: { clientId: owner.clientId, invitationId: owner.id, source: input.source },
      },
      tx,
    );
    return { connectionId: connection.id, isReauthentication: Boolean(known) };
  });
  // Best effort: the bank name and first state. The scheduler polls again while pending.
  await refreshConnectionStatus(connectionId).catch(() => undefined);
  return { kind: "connected", exchangeId: claim.exchangeId, connectionId, isReauthentication };
}

type TClaim = { kind: "claimed"; exchangeId: string } | { kind: "settled"; outcome: TExchangeOutcome };

async function claimCode(codeHash: string, invitationId: string, source: string): Promise<TClaim> {
  const db = getDb();
  try {
    const row = await db.linkCodeExchange.create({ data: { codeHash, status: "CLAIMED", source, invitationId } });
    return { kind: "claimed", exchangeId: row.id };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    const row = await db.linkCodeExchange.findUniqueOrThrow({ where: { codeHash } });
    if (row.status === "RETRY" || (row.status === "DELAYED" && source !== "callback")) {
      // Take over a retryable exchange, atomically: only one caller flips it back to CLAIMED.
      const taken = await db.linkCodeExchange.updateMany({ where: { id: row.id, status: row.status }, data: { status: "CLAIMED" } });
      if (taken.count === 1) return { kind: "claimed", exchangeId: row.id };
      continue;
    }
    if (row.status !== "CLAIMED") return { kind: "settled", outcome: outcomeOf(row) };
    if (Date.now() > deadline) return { kind: "settled", outcome: { kind: "failed", reason: "unavailable" } };
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function outcomeOf(row: { id: string; status: string; connectionId: string | null }): TExchangeOutcome {
  if (row.status === "EXCHANGED" && row.connectionId) return { kind: "connected", exchangeId: row.id, connectionId: row.connectionId, isReauthentication: false };
  if (row.status === "DELAYED" && row.connectionId) return { kind: "verifying", exchangeId: row.id, connectionId: row.connectionId };
  return { kind: "failed", reason: row.status === "REJECTED" ? "rejected" : row.status === "ORPHAN" ? "unknown_reference" : "unavailable" };
}

/** Exchanges again the codes Flanks answered "delayed" or could not take (they were kept sealed). */
export async function retryPendingExchanges(): Promise<number> {
  const db = getDb();
  const rows = await db.linkCodeExchange.findMany({ where: { status: { in: ["DELAYED", "RETRY"] }, codeEnc: { not: null } }, include: { connection: false }, take: 20 });
  let settled = 0;
  for (const row of rows) {
    const invitation = row.invitationId ? await db.invitation.findUnique({ where: { id: row.invitationId } }) : null;
    const outcome = await exchangeLinkCode({ code: openToken(row.codeEnc!, "link_code", { rowId: row.id }), reference: invitation?.reference ?? null, source: "retry" });
    if (outcome.kind === "connected") settled++;
  }
  return settled;
}
