import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import type { TLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { describeInsight } from "@/lib/insights/describe-insight";
import type { TReportChanges, TReportInsight } from "@/lib/report/report-model";
import { describeReviewChanges } from "@/lib/review/describe-review-changes";
import { listClientInsights } from "@/lib/services/insights/list-client-insights";
import { getClientReviews } from "@/lib/services/reviews/get-review-changes";

/*
 * The report's two inputs from the other parts of issue 20, in the report's language (the client's, which may differ
 * from the advisor's screen). Each service checks the actor's access to the client again.
 */

/** What changed since the client's last review (issue 20.1), as the overview says it; null while no review is recorded. */
export async function getReportChanges(actor: TActor, clientId: string, locale: TLocale): Promise<TReportChanges> {
  const { changes } = await getClientReviews(actor, clientId);
  if (!changes) return null;
  return describeReviewChanges(changes, MESSAGES[locale], locale).map(({ title, lines }) => ({ title, lines }));
}

/** The insights the advisor may include (issue 20.2), worded as the overview words them. */
export async function listReportInsights(actor: TActor, clientId: string, locale: TLocale): Promise<TReportInsight[]> {
  const insights = await listClientInsights(actor, clientId);
  return insights.map((insight) => {
    const { title, sentence, source } = describeInsight(insight, MESSAGES[locale], locale);
    return { id: insight.id, title, sentence, source };
  });
}
