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
  await db.lease.upsert({ where: { name }, create: { name, holder: "", expiresAt: new Date(0) }, update: {} });
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder, expiresAt } });
  if (taken.count !== 1) return null;
  try {
    return await work();
  } finally {
    await db.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
  }
}
