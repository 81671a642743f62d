import "server-only";
import { getDb } from "@/lib/db";
import { dialectOfClient } from "@/lib/db/sql-dialect";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { getRequestId } from "@/lib/request/request-id";
import { AUDIT_CHAIN_KEYED_ACTION, AUDIT_GENESIS_HASH, computeAuditHash, computeUnkeyedAuditHash } from "./audit-hash";

export type TAuditActor = { id: string; email: string } | null;

export type TAuditEventInput = {
  actor: TAuditActor;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

type TDb = Prisma.TransactionClient;

/**
 * Appends one event to the hash chain (HMAC with AUDIT_KEY, lib/audit/audit-hash.ts). Pass the
 * transaction of the change it records, so the change and its audit entry commit together.
 * `prevHash` is unique: two writers racing for the same predecessor cannot both succeed, the loser
 * retries on the new tail. Inside a transaction there is no retry (the change would have to be
 * redone): SQLite's single writer serialises such transactions already; PostgreSQL runs them side by
 * side (read committed, a pool of connections, several instances), so there the transaction first
 * takes the audit chain's advisory lock, held until it commits.
 */
export async function recordAuditEvent(input: TAuditEventInput, tx?: TDb): Promise<void> {
  const requestId = await getRequestId();
  for (let attempt = 0; ; attempt++) {
    try {
      await appendEvent(tx ?? getDb(), input, requestId, tx !== undefined);
      return;
    } catch (error) {
      const isChainRace = (error as { code?: string }).code === "P2002";
      if (!isChainRace || attempt >= 4 || tx) throw error;
    }
  }
}

/** Any fixed number, the same in every instance: the key of the audit chain's advisory lock (PostgreSQL). */
const AUDIT_CHAIN_LOCK = Prisma.raw("7341902113");

async function appendEvent(db: TDb, input: TAuditEventInput, requestId: string | null, isInTransaction: boolean): Promise<void> {
  const auditKey = getEnv().auditKey;
  if (isInTransaction && dialectOfClient(db) === "postgres") {
    await db.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})) AS "lock"`;
  }
  let tail = await db.auditEvent.findFirst({ orderBy: { id: "desc" } });
  if (tail && computeUnkeyedAuditHash(tail) === tail.hash) {
    // A log written before the chain was keyed: one keyed event marks where the keyed chain
    // starts; its hash, under the key, pins every unkeyed row before it. Written once: after it the tail is keyed.
    tail = await insertEvent(
      db,
      auditKey,
      tail.hash,
      { actor: null, action: AUDIT_CHAIN_KEYED_ACTION, details: { fromEventId: tail.id + 1, previousTailId: tail.id, previousTailHash: tail.hash } },
      null,
    );
  }
  await insertEvent(db, auditKey, tail?.hash ?? AUDIT_GENESIS_HASH, input, requestId);
}

function insertEvent(db: TDb, auditKey: string, prevHash: string, input: TAuditEventInput, requestId: string | null) {
  const row = {
    prevHash,
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    requestId,
    details: JSON.stringify(input.details ?? {}),
  };
  return db.auditEvent.create({ data: { ...row, hash: computeAuditHash(row, auditKey) } });
}
