import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import { compareReview, type TReviewChanges } from "@/lib/review/compare-review";
import { parseReviewSnapshot } from "@/lib/review/review-snapshot";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { loadReviewSnapshot, loadTransactionsAfter } from "./load-review-data";
import { getReviewThresholds } from "./review-thresholds";

export type TReviewSummary = { id: string; day: string; note: string; byName: string; at: Date; isHousehold: boolean };

export type TClientReviews = {
  /** Newest first. */
  history: TReviewSummary[];
  /** What changed since the newest review; null without a review, or when its snapshot cannot be read (`isUnreadable`). */
  changes: TReviewChanges | null;
  isUnreadable: boolean;
};

/**
 * A client's reviews and what changed since the last one (issue 20.1–3), as plain data: the client
 * page and the report (lib/review/describe-review-changes.ts turns it into sentences) both use it.
 * Computed from stored data only, never from a Flanks call.
 */
export async function getClientReviews(actor: TActor, clientId: unknown, now = new Date()): Promise<TClientReviews> {
  const client = await findAccessibleClient(actor, clientId);
  const db = getDb();
  const rows = await db.clientReview.findMany({
    where: { clientId: client.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, reviewDay: true, note: true, reviewedByName: true, createdAt: true, householdId: true },
  });
  const history = rows.map((row) => ({
    id: row.id,
    day: row.reviewDay,
    note: row.note,
    byName: row.reviewedByName,
    at: row.createdAt,
    isHousehold: row.householdId !== null,
  }));
  const latest = rows[0];
  if (!latest) return { history, changes: null, isUnreadable: false };
  const stored = await db.clientReview.findUnique({ where: { id: latest.id }, select: { snapshotJson: true } });
  const then = stored ? parseReviewSnapshot(stored.snapshotJson) : null;
  if (!then) return { history, changes: null, isUnreadable: true };
  const base = await getBaseCurrency(actor);
  const [current, transactions, thresholds] = await Promise.all([
    loadReviewSnapshot(client.id, base, { db, now, withTransactionDays: false }),
    loadTransactionsAfter(client.id, then, db),
    getReviewThresholds(actor),
  ]);
  const currencies = [base, thresholds.largeMovement.currency, ...then.totals.map((e) => e.currency), ...current.totals.map((e) => e.currency)];
  const rates = await loadFxRates(currenciesKey(currencies), then.base.ratesDay ?? then.takenAt.slice(0, 10));
  const changes = compareReview({ then, now: current, transactions, thresholds, base, rates });
  return { history, changes, isUnreadable: false };
}
