import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { logError } from "@/lib/log/log-error";
import { LINK_EXTRA_REFERENCE } from "@/lib/invitations/invitation-rules";
import { exchangeBindingRefusal, invitationBindingRefusal, type TBindingRefusal } from "@/lib/invitations/invitation-rules";
import { syncConnection } from "@/lib/sync/sync-connection";
import { countRefusedLinkAttempt } from "./count-refused-link-attempt";
import { credentialsTokenLookupHash, linkCodeHash, openToken, sealToken } from "@/lib/crypto/credentials-token-vault";
import { refreshConnectionStatus } from "./refresh-connection-status";

/** `hasNewData`: Flanks already says the extraction is finished, so the data can be loaded now. */
export type TExchangeOutcome =
  | { kind: "connected"; exchangeId: string; connectionId: string; isReauthentication: boolean; hasNewData: boolean }
  | { kind: "verifying"; exchangeId: string; connectionId: string }
  | { kind: "failed"; reason: "unknown_reference" | "refused" | "rejected" | "unavailable" };

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
  const seen = await db.linkCodeExchange.findUnique({ where: { codeHash }, select: { id: true, status: true, invitationId: true } });
  const invitation = input.reference
    ? await db.invitation.findUnique({
        where: { reference: input.reference },
        include: { client: { select: { archived: true, advisor: { select: { disabled: true } } } } },
      })
    : null;
  const isRepeat = seen !== null && seen.status !== "RETRY" && seen.status !== "DELAYED";
  if (seen && invitation && seen.invitationId !== invitation.id) {
    // A code we have seen, now sent with another invitation's reference: never rebound.
    await countRefusedLinkAttempt("reference_mismatch");
    return { kind: "failed", reason: "refused" };
  }
  // A repeated callback of a code already settled only reads its result (claimCode); anything new
  // is checked against the invitation first, and a refusal costs a counter, never an audit row.
  if (!isRepeat) {
    const refusal: TBindingRefusal | "unknown_reference" | null = invitation ? invitationBindingRefusal(invitation, new Date()) : "unknown_reference";
    if (refusal) {
      await refuse(refusal, seen?.id ?? null);
      return { kind: "failed", reason: refusal === "unknown_reference" ? "unknown_reference" : "refused" };
    }
  }
  if (!invitation) return { kind: "failed", reason: "unknown_reference" };

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
        data: {
          status: "DELAYED",
          codeEnc: sealToken(input.code, "link_code", { rowId: claim.exchangeId }),
          connectionId: connection.id,
          attempts: { increment: 1 },
          error: result.message?.slice(0, 500),
        },
      });
      await recordAuditEvent(
        { actor: null, action: "connection.exchange_delayed", target: { type: "connection", id: connection.id }, details: { clientId: invitation.clientId } },
        tx,
      );
      return connection.id;
    });
    return { kind: "verifying", exchangeId: claim.exchangeId, connectionId };
  }

  const tokenHash = credentialsTokenLookupHash(result.credentials_token);
  const known = await db.connection.findUnique({ where: { credentialsTokenHash: tokenHash }, select: { id: true, clientId: true } });
  // Flanks' own record of the extra parameters is the truth; the callback's query string could be tampered with.
  const afterRefusal = exchangeBindingRefusal(
    result,
    { reference: invitation.reference, clientId: invitation.clientId, referenceKey: LINK_EXTRA_REFERENCE },
    known?.clientId ?? null,
  );
  if (afterRefusal) {
    // The code is spent: the credentials exist at Flanks but belong to no client here. The
    // reconciliation page lists them (adopt onto a client, or delete at Flanks).
    await db.$transaction(async (tx) => {
      const { connectionId: placeholderId } = await tx.linkCodeExchange.findUniqueOrThrow({ where: { id: claim.exchangeId }, select: { connectionId: true } });
      await tx.linkCodeExchange.update({
        where: { id: claim.exchangeId },
        data: { status: "ORPHAN", codeEnc: null, connectionId: null, error: `refused: ${afterRefusal}`, attempts: { increment: 1 } },
      });
      // A "delayed" exchange left a placeholder connection (no credentials yet): it will never get any.
      if (placeholderId) await tx.connection.deleteMany({ where: { id: placeholderId, credentialsTokenEnc: null, state: "VERIFYING" } });
      await recordAuditEvent(
        {
          actor: null,
          action: "connection.exchange_orphan",
          target: { type: "client", id: invitation.clientId },
          details: { source: input.source, invitationId: invitation.id, reason: afterRefusal },
        },
        tx,
      );
    });
    return { kind: "failed", reason: "refused" };
  }

  const { connectionId, isReauthentication } = await db.$transaction(async (tx) => {
    const exchange = await tx.linkCodeExchange.findUniqueOrThrow({ where: { id: claim.exchangeId } });
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
      connection = await tx.connection.update({
        where: { id: exchange.connectionId },
        data: { ...data(exchange.connectionId), state: "PENDING", stateSince: new Date() },
      });
    } else {
      const created = await tx.connection.create({
        data: {
          clientId: invitation.clientId,
          invitationId: invitation.id,
          bank: "",
          linkToken: result.link_token ?? getEnv().flanksLinkToken,
          state: "PENDING",
        },
      });
      connection = await tx.connection.update({ where: { id: created.id }, data: data(created.id) });
    }
    await tx.linkCodeExchange.update({
      where: { id: claim.exchangeId },
      data: { status: "EXCHANGED", codeEnc: null, connectionId: connection.id, error: null, attempts: { increment: 1 } },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { usedAt: invitation.usedAt ?? new Date() } });
    await recordAuditEvent(
      {
        actor: null,
        action: known ? "connection.reauthenticated" : "connection.exchange",
        target: { type: "connection", id: connection.id },
        details: { clientId: invitation.clientId, invitationId: invitation.id, source: input.source },
      },
      tx,
    );
    return { connectionId: connection.id, isReauthentication: Boolean(known) };
  });
  // The bank name and first state; when Flanks already has finished the extraction (or a
  // re-authentication brought new data), the caller starts the load now (syncAfterExchange).
  const refreshed = await refreshConnectionStatus(connectionId).catch(() => null);
  return { kind: "connected", exchangeId: claim.exchangeId, connectionId, isReauthentication, hasNewData: refreshed?.hasNewData ?? false };
}

/**
 * A refused code: counted, not audited (anyone can send one). A code kept sealed for a retry is
 * settled for good and its sealed copy erased, so the retry job stops asking (issue 16.5).
 */
async function refuse(reason: TBindingRefusal | "unknown_reference", exchangeId: string | null): Promise<void> {
  await countRefusedLinkAttempt(reason);
  if (!exchangeId) return;
  const db = getDb();
  const { connectionId: placeholderId } = await db.linkCodeExchange.findUniqueOrThrow({ where: { id: exchangeId }, select: { connectionId: true } });
  await db.linkCodeExchange.update({ where: { id: exchangeId }, data: { status: "REFUSED", codeEnc: null, connectionId: null, error: `refused: ${reason}` } });
  // A "delayed" exchange left a placeholder connection (no credentials yet): it will never get any.
  if (placeholderId) await db.connection.deleteMany({ where: { id: placeholderId, credentialsTokenEnc: null, state: "VERIFYING" } });
}

/**
 * Loads the data as soon as Flanks says it is ready (issue 15.2): right after an exchange whose
 * status is already finished, and after a re-authentication that brought new data. The scheduler's
 * polling only sees connections still pending, so without this the first load waited for the hourly job.
 */
export async function syncAfterExchange(outcome: TExchangeOutcome): Promise<void> {
  if (outcome.kind !== "connected" || !outcome.hasNewData) return;
  // syncConnection records its own failures (SyncRun FAILED); this catches only the unexpected.
  await syncConnection(outcome.connectionId, { reason: outcome.isReauthentication ? "new-data" : "first-extraction" }).catch((error: unknown) =>
    logError(`sync after exchange of ${outcome.connectionId} failed`, error),
  );
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
  if (row.status === "EXCHANGED" && row.connectionId)
    return { kind: "connected", exchangeId: row.id, connectionId: row.connectionId, isReauthentication: false, hasNewData: false };
  if (row.status === "DELAYED" && row.connectionId) return { kind: "verifying", exchangeId: row.id, connectionId: row.connectionId };
  const reason = ({ REJECTED: "rejected", ORPHAN: "refused", REFUSED: "refused" } as const)[row.status as "REJECTED"] ?? "unavailable";
  return { kind: "failed", reason };
}

/** Exchanges again the codes Flanks answered "delayed" or could not take (they were kept sealed). */
export async function retryPendingExchanges(): Promise<number> {
  const db = getDb();
  const rows = await db.linkCodeExchange.findMany({ where: { status: { in: ["DELAYED", "RETRY"] }, codeEnc: { not: null } }, take: 20 });
  let settled = 0;
  for (const row of rows) {
    const invitation = row.invitationId ? await db.invitation.findUnique({ where: { id: row.invitationId } }) : null;
    const outcome = await exchangeLinkCode({
      code: openToken(row.codeEnc!, "link_code", { rowId: row.id }),
      reference: invitation?.reference ?? null,
      source: "retry",
    });
    await syncAfterExchange(outcome);
    if (outcome.kind === "connected") settled++;
  }
  return settled;
}
