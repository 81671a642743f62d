import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import type { TLocale } from "@/lib/i18n/locales";
import type { TReportChanges, TReportInsight } from "@/lib/report/report-model";

/*
 * The report's two inputs from the other parts of issue 20, already localized. Both are called after
 * the report service has checked the actor's access to the client.
 */

/**
 * What changed since the client's last review, in the report's language; null while no review is
 * recorded. Filled by issue 20.1 (reviews: the positions at review time compared with today's).
 */
export async function getReportChanges(_actor: TActor, _clientId: string, _locale: TLocale): Promise<TReportChanges> {
  return null;
}

/**
 * The insights the advisor may include, in the report's language (the report page offers them as
 * checkboxes; the report keeps those chosen). Filled by issue 20.2 (insights: deposit guarantee,
 * suitability, concentration, re-authentication ahead).
 */
export async function listReportInsights(_actor: TActor, _clientId: string, _locale: TLocale): Promise<TReportInsight[]> {
  return [];
}
