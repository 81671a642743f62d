import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";

const HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Runs `work` only if the caller takes the named lease (free or expired); otherwise returns
 * null at once. The lease outlives a crash by at most `ttlMs`.
 */
export async function withLease<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
  const db = getDb();
  const holder = `${HOLDER}:${randomUUID()}`;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  // Two first callers at once: on PostgreSQL both may try the insert (Prisma's upsert is not one
  // statement there), and the one that loses finds the row made, which is all this line is for.
  await db.lease.upsert({ where: { name }, create: { name, holder: "", expiresAt: new Date(0) }, update: {} }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error;
  });
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder, expiresAt } });
  if (taken.count !== 1) return null;
  try {
    return await work();
  } finally {
    await db.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
  }
}
