import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { dayIn } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { findAccessibleHousehold } from "@/lib/services/households/household-access";
import { loadReviewSnapshot } from "./load-review-data";
import type { TReviewInput } from "./review-schemas";

/** A review's day is today or before, in the firm's time zone (where the advisor's "today" is). */
function assertNotFuture(reviewDay: string, now: Date): void {
  if (reviewDay > dayIn(now, firmTimeZone())) throw new AppError("BAD_REQUEST", "reviewDayInFuture", { reviewDay: ["reviewDayInFuture"] });
}

/**
 * Marks one client reviewed: the day, the note, who, and a snapshot of the client's stored data now
 * (lib/review/review-snapshot.ts), with its audit event in the same transaction.
 */
export async function markClientReviewed(actor: TSessionUser, clientId: unknown, input: TReviewInput, now = new Date()): Promise<{ id: string }> {
  assertNotFuture(input.reviewDay, now);
  const client = await findAccessibleClient(actor, clientId);
  const base = await getBaseCurrency(actor);
  const db = getDb();
  const snapshot = await loadReviewSnapshot(client.id, base, { db, now });
  return db.$transaction(async (tx) => {
    const review = await tx.clientReview.create({
      data: {
        clientId: client.id,
        reviewDay: input.reviewDay,
        note: input.note ?? "",
        reviewedById: actor.id,
        reviewedByName: actor.name,
        snapshotJson: JSON.stringify(snapshot),
      },
      select: { id: true },
    });
    await recordAuditEvent(
      {
        actor,
        action: "client.review",
        target: { type: "client", id: client.id },
        details: { reviewId: review.id, reviewDay: input.reviewDay, positions: snapshot.positions.length, connections: snapshot.connections.length },
      },
      tx,
    );
    return review;
  });
}

/**
 * Marks every member of a household reviewed at once (docs/decisions/053): one review per member,
 * each with the member's own snapshot, so each client's page compares against its own data.
 */
export async function markHouseholdReviewed(actor: TSessionUser, householdId: unknown, input: TReviewInput, now = new Date()): Promise<{ count: number }> {
  assertNotFuture(input.reviewDay, now);
  const household = await findAccessibleHousehold(actor, householdId);
  const db = getDb();
  const members = await db.householdMember.findMany({ where: { householdId: household.id }, select: { clientId: true }, orderBy: { addedAt: "asc" } });
  if (members.length === 0) throw new AppError("BAD_REQUEST", "householdEmpty");
  const base = await getBaseCurrency(actor);
  const snapshots = await Promise.all(
    members.map(async (member) => ({ clientId: member.clientId, snapshot: await loadReviewSnapshot(member.clientId, base, { db, now }) })),
  );
  await db.$transaction(async (tx) => {
    for (const { clientId, snapshot } of snapshots) {
      await tx.clientReview.create({
        data: {
          clientId,
          householdId: household.id,
          reviewDay: input.reviewDay,
          note: input.note ?? "",
          reviewedById: actor.id,
          reviewedByName: actor.name,
          snapshotJson: JSON.stringify(snapshot),
        },
      });
    }
    await recordAuditEvent(
      {
        actor,
        action: "household.review",
        target: { type: "household", id: household.id },
        details: { reviewDay: input.reviewDay, clientIds: snapshots.map((entry) => entry.clientId) },
      },
      tx,
    );
  });
  return { count: snapshots.length };
}
