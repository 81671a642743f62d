import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseReviewSnapshot, withoutConnection } from "@/lib/review/review-snapshot";

/**
 * Part of a connection's erasure (delete-connection.ts), in its transaction: the client's reviews keep
 * no position, balance, answer or state of it. A snapshot that cannot be read is emptied of every row
 * (it can no longer be compared anyway), so nothing of the bank can survive in it.
 */
export async function forgetConnectionInReviews(tx: Prisma.TransactionClient, clientId: string, connectionId: string): Promise<void> {
  const reviews = await tx.clientReview.findMany({ where: { clientId }, select: { id: true, snapshotJson: true } });
  for (const review of reviews) {
    if (!review.snapshotJson.includes(connectionId)) continue;
    const snapshot = parseReviewSnapshot(review.snapshotJson);
    const snapshotJson = snapshot ? JSON.stringify(withoutConnection(snapshot, connectionId)) : "{}";
    await tx.clientReview.update({ where: { id: review.id }, data: { snapshotJson } });
  }
}
