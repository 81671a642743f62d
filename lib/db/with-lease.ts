import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { logError } from "@/lib/log/log-error";

const HOLDER = `${process.pid}-${randomUUID().slice(0, 8)}`;

type THeldLease = { name: string; holder: string };

/*
 * The leases this process holds, on globalThis: the scheduler (instrumentation's bundle) and a
 * route's sync (that route's bundle) each load their own copy of this module, and the shutdown
 * must release them all (releaseHeldLeases).
 */
const registry = globalThis as unknown as { patrimonioHeldLeases?: Set<THeldLease> };
const heldLeases = () => (registry.patrimonioHeldLeases ??= new Set());

/**
 * Runs `work` only if the caller takes the named lease (free or expired); otherwise returns
 * null at once. The lease outlives a crash by at most `ttlMs`.
 *
 * Several processes, possibly on several hosts (decision 049):
 * - Taking is one conditional UPDATE (expired → ours): the database serialises it, one winner.
 * - While `work` runs, the lease is renewed every ttl/3, so work that outlasts `ttlMs` (a sweep of
 *   every connection, a large sync) keeps it; a crashed holder stops renewing and its lease is free
 *   `ttlMs` after its last renewal.
 * - Clocks: each process compares with its own clock. A live holder's lease always has at least
 *   2/3 of `ttlMs` left by its clock, so hosts whose clocks differ by less than that (NTP keeps them
 *   within milliseconds; the shortest lease here is 60 s) never see a live lease as expired.
 * - Released with the holder cleared too, so a renewal still in flight cannot revive it.
 */
export async function withLease<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
  const db = getDb();
  const holder = `${HOLDER}:${randomUUID()}`;
  const now = new Date();
  // Two first callers at once: on PostgreSQL both may try the insert (Prisma's upsert is not one
  // statement there), and the one that loses finds the row made, which is all this line is for.
  await db.lease.upsert({ where: { name }, create: { name, holder: "", expiresAt: new Date(0) }, update: {} }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error;
  });
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder, expiresAt: new Date(now.getTime() + ttlMs) } });
  if (taken.count !== 1) return null;
  const held: THeldLease = { name, holder };
  heldLeases().add(held);
  const renew = async () => {
    const renewed = await db.lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(Date.now() + ttlMs) } });
    if (renewed.count === 0 && heldLeases().has(held)) {
      // Deleted with what it names (a connection's erasure deletes its sync lease: the sync then fails on
      // its own), or taken over after this process stalled longer than the ttl: only the second is news.
      const row = await db.lease.findUnique({ where: { name }, select: { holder: true } });
      if (row && row.holder !== "") logError(`lease ${name}`, new Error("taken over while its work was still running"));
    }
  };
  const heartbeat = setInterval(() => void renew().catch((error: unknown) => logError(`lease ${name} renewal`, error)), Math.max(250, Math.floor(ttlMs / 3)));
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    heldLeases().delete(held);
    await release(held);
  }
}

function release({ name, holder }: THeldLease) {
  return getDb().lease.updateMany({ where: { name, holder }, data: { holder: "", expiresAt: new Date(0) } });
}

/**
 * Shutdown: frees every lease this process still holds, so another instance takes the work at
 * once instead of after the ttl. The work itself is not waited for: the process exits next.
 */
export async function releaseHeldLeases(): Promise<string[]> {
  const held = [...heldLeases()];
  heldLeases().clear();
  await Promise.all(held.map(release));
  return held.map((lease) => lease.name);
}
