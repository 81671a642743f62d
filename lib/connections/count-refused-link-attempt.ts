import "server-only";
import { getDb } from "@/lib/db";

/**
 * Anyone can call /connect/callback with made-up codes and references: each refusal adds one to a
 * per-day, per-reason counter instead of an audit row, so the append-only audit log cannot be
 * grown from outside (issue 16.5). The counter answers "how many, since when" for the admin.
 */
export async function countRefusedLinkAttempt(reason: string, now: Date = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const db = getDb();
  for (let attempt = 0; ; attempt++) {
    try {
      await db.refusedLinkAttempt.upsert({
        where: { day_reason: { day, reason } },
        create: { day, reason, count: 1, lastAt: now },
        update: { count: { increment: 1 }, lastAt: now },
      });
      return;
    } catch (error) {
      // Two first refusals of the day at once: the loser's create hits the key, its retry increments.
      if ((error as { code?: string }).code !== "P2002" || attempt > 0) throw error;
    }
  }
}
