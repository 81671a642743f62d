import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A limit on attempts per key, counted in the database so every server process shares it.
 * - `limit` attempts per `windowMs` (a fixed window that starts at the first attempt);
 * - with `backoff`, reaching the limit does not wait for the window's end: each attempt from the
 *   limit on blocks the key for `baseMs`, doubled per further attempt up to `maxMs` (per-account
 *   sign-in: an attacker gets ~5 guesses, then one per minute, two minutes… an hour).
 */
export type TRateLimitPolicy = { limit: number; windowMs: number; backoff?: { baseMs: number; maxMs: number } };

export type TReservation = { ok: true } | { ok: false; retryAfterMs: number; isFirstRefusal: boolean };

type TBucket = { key: string; count: number; windowStart: Date; blockedUntil: Date | null; isRefusalRecorded: boolean };
type TDb = Pick<PrismaClient, "rateLimitBucket">;

/** Losing a compare-and-swap means another request changed the bucket meanwhile: read it again. */
const MAX_SWAPS = 50;

function backoffMs(policy: TRateLimitPolicy, countAfter: number): number | null {
  if (!policy.backoff || countAfter < policy.limit) return null;
  return Math.min(policy.backoff.maxMs, policy.backoff.baseMs * 2 ** Math.min(30, countAfter - policy.limit));
}

/** What the bucket becomes if one more attempt is reserved now, or why not. */
export function nextBucketState(
  bucket: Omit<TBucket, "key"> | null,
  policy: TRateLimitPolicy,
  now: Date,
): { refused: number } | { count: number; windowStart: Date; blockedUntil: Date | null } {
  const isBlocked = bucket?.blockedUntil && bucket.blockedUntil > now;
  if (isBlocked) return { refused: bucket.blockedUntil!.getTime() - now.getTime() };
  const isWindowOver = !bucket || bucket.windowStart.getTime() + policy.windowMs <= now.getTime();
  if (isWindowOver) {
    const blockMs = backoffMs(policy, 1);
    return { count: 1, windowStart: now, blockedUntil: blockMs === null ? null : new Date(now.getTime() + blockMs) };
  }
  if (!policy.backoff && bucket.count >= policy.limit) return { refused: bucket.windowStart.getTime() + policy.windowMs - now.getTime() };
  const blockMs = backoffMs(policy, bucket.count + 1);
  return { count: bucket.count + 1, windowStart: bucket.windowStart, blockedUntil: blockMs === null ? bucket.blockedUntil : new Date(now.getTime() + blockMs) };
}

/**
 * Reservations of one key in this process run one after another: the compare-and-swap below then
 * only races other processes (WEB_CONCURRENCY of them), not the other requests of its own process,
 * which would otherwise read the same count, all but one lose the swap and read again (n² reads
 * for n requests at once).
 */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/**
 * Reserves one attempt before the work it limits starts: concurrent requests each see the count
 * the previous one left (compare-and-swap on the row, across processes), so 50 requests at once
 * cannot all pass a check made before any of them was counted.
 */
export function reserveAttempt(db: TDb, key: string, policy: TRateLimitPolicy, now?: Date): Promise<TReservation> {
  return oneAtATime(key, () => swapIn(db, key, policy, now ?? new Date()));
}

async function swapIn(db: TDb, key: string, policy: TRateLimitPolicy, now: Date): Promise<TReservation> {
  for (let swap = 0; swap < MAX_SWAPS; swap++) {
    const bucket = await db.rateLimitBucket.findUnique({ where: { key } });
    const next = nextBucketState(bucket, policy, now);
    if ("refused" in next) {
      // One audit event per spell of refusals: the flag flips once, whoever flips it reports.
      const flipped = bucket!.isRefusalRecorded
        ? 0
        : (await db.rateLimitBucket.updateMany({ where: { key, isRefusalRecorded: false }, data: { isRefusalRecorded: true } })).count;
      return { ok: false, retryAfterMs: Math.max(1_000, next.refused), isFirstRefusal: flipped === 1 };
    }
    if (!bucket) {
      try {
        await db.rateLimitBucket.create({ data: { key, ...next } });
        return { ok: true };
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") continue;
        throw error;
      }
    }
    const isNewSpell = next.windowStart !== bucket.windowStart || next.blockedUntil !== bucket.blockedUntil;
    const swapped = await db.rateLimitBucket.updateMany({
      where: { key, count: bucket.count, windowStart: bucket.windowStart, blockedUntil: bucket.blockedUntil },
      data: { ...next, ...(isNewSpell ? { isRefusalRecorded: false } : {}) },
    });
    if (swapped.count === 1) return { ok: true };
  }
  // Still contended after many tries: refuse rather than let an attempt through uncounted.
  return { ok: false, retryAfterMs: 1_000, isFirstRefusal: false };
}

/** Gives a reserved attempt back (it succeeded, or it was refused for another reason before any work). */
export async function refundAttempt(db: TDb, key: string): Promise<void> {
  await db.rateLimitBucket.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets the key (a successful sign-in ends the account's backoff). */
export async function clearAttempts(db: TDb, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
