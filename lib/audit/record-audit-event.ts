import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRequestId } from "@/lib/request/request-id";
import { AUDIT_GENESIS_HASH, computeAuditHash } from "./audit-hash";

export type TAuditActor = { id: string; email: string } | null;

export type TAuditEventInput = {
  actor: TAuditActor;
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

type TDb = Prisma.TransactionClient;

/**
 * Appends one event to the hash chain. Pass the transaction of the change it records, so the
 * change and its audit entry commit together. `prevHash` is unique: two writers racing for the
 * same predecessor cannot both succeed, the loser retries on the new tail.
 */
export async function recordAuditEvent(input: TAuditEventInput, tx?: TDb): Promise<void> {
  const requestId = await getRequestId();
  for (let attempt = 0; ; attempt++) {
    try {
      await appendEvent(tx ?? getDb(), input, requestId);
      return;
    } catch (error) {
      const isChainRace = (error as { code?: string }).code === "P2002";
      if (!isChainRace || attempt >= 4 || tx) throw error;
    }
  }
}

async function appendEvent(db: TDb, input: TAuditEventInput, requestId: string | null): Promise<void> {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const row = {
    prevHash: last?.hash ?? AUDIT_GENESIS_HASH,
    at: new Date(),
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    requestId,
    details: JSON.stringify(input.details ?? {}),
  };
  await db.auditEvent.create({ data: { ...row, hash: computeAuditHash(row) } });
}
