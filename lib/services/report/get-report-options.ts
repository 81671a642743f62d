import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import type { TLocale } from "@/lib/i18n/locales";
import { reportLanguage, type TReportLanguage } from "@/lib/report/report-language";
import type { TReportInsight } from "@/lib/report/report-model";
import { defaultReportPeriod, type TReportPeriod } from "@/lib/report/report-request";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { listRecentReports, type TRecentReport } from "./list-recent-reports";
import { listReportInsights } from "./report-extras";

export type TReportOptions = {
  clientId: string;
  language: TReportLanguage;
  period: TReportPeriod;
  /** The insights the advisor may include, in the report's language. */
  insights: TReportInsight[];
  recent: TRecentReport[];
};

/** What the report page offers: the period's default, the report's language and why, the insights to choose from, and the reports made. */
export async function getReportOptions(actor: TActor, clientIdInput: unknown, advisorLocale: TLocale, today: string): Promise<TReportOptions> {
  const client = await findAccessibleClient(actor, clientIdInput);
  const language = reportLanguage(client.language, advisorLocale);
  const [insights, recent] = await Promise.all([listReportInsights(actor, client.id, language.locale), listRecentReports(actor, client.id)]);
  return { clientId: client.id, language, period: defaultReportPeriod(today), insights, recent };
}
