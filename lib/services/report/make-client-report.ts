import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import type { TLocale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { buildReportModel, type TReportModel } from "@/lib/report/report-model";
import { fileSlug, reportLanguage } from "@/lib/report/report-language";
import type { TReportRequest } from "@/lib/report/report-request";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { getBaseOverview } from "@/lib/services/wealth/get-base-overview";
import { listInvestments, type TInvestmentRow } from "@/lib/services/wealth/list-investments";
import { listLiabilities } from "@/lib/services/wealth/list-products";
import { bankNamer } from "@/lib/services/wealth/wealth-context";
import { getReportChanges, listReportInsights } from "./report-extras";

export const REPORT_FORMATS = ["pdf", "print"] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];
/** The audit action of a report made (lib/services/report/list-recent-reports.ts reads it back). */
export const REPORT_AUDIT_ACTION = "report.generate";

export type TMadeReport = { model: TReportModel; fileName: string };

/**
 * A client report (issue 20.3): the overview's figures, positions, liabilities, what changed since
 * the last review and the chosen insights, as one content model in the client's language, for the
 * PDF and the print view alike. Access is checked first (NOT_FOUND like every client read); each
 * report made is recorded in the audit log: who, for whom, which period, which insights, which format.
 */
export async function makeClientReport(
  actor: TSessionUser,
  clientIdInput: unknown,
  request: TReportRequest,
  options: { format: TReportFormat; advisorLocale: TLocale; now?: Date },
): Promise<TMadeReport> {
  const client = await findAccessibleClient(actor, clientIdInput);
  const { locale } = reportLanguage(client.language, options.advisorLocale);
  const [{ context, currencies, base }, positions, { liabilities }, changes, available] = await Promise.all([
    getBaseOverview(actor, client.id),
    listAllPositions(actor, client.id),
    listLiabilities(actor, client.id),
    getReportChanges(actor, client.id, locale),
    listReportInsights(actor, client.id, locale),
  ]);
  // The provider's order, only those chosen: an insight gone since the form was shown is left out.
  const insights = available.filter((insight) => request.insightIds.includes(insight.id));
  const env = getEnv();
  const generatedAt = options.now ?? new Date();
  const model = buildReportModel({
    locale,
    firmName: env.FIRM_NAME,
    clientName: client.displayName,
    advisorName: client.advisor.name,
    generatedAt,
    timeZone: env.FIRM_TIME_ZONE,
    period: request.period,
    base,
    currencies,
    bankName: bankNamer(context),
    positions,
    liabilities,
    banks: context.connections.filter((c) => c.lastSyncedAt !== null),
    changes,
    insights,
  });
  await recordAuditEvent({
    actor,
    action: REPORT_AUDIT_ACTION,
    target: { type: "client", id: client.id },
    details: { format: options.format, from: request.period.from, to: request.period.to, insights: insights.map((i) => i.id), language: locale },
  });
  const word = fileSlug(MESSAGES[locale].report.doc.title);
  return { model, fileName: `${fileSlug(client.displayName)}-${word}-${request.period.to}.pdf` };
}

/** Every position, largest first: the investments list's pages read one after the other (its filters and order, no second query path). */
async function listAllPositions(actor: TSessionUser, clientId: string): Promise<TInvestmentRow[]> {
  const rows: TInvestmentRow[] = [];
  for (let page = 1; ; page++) {
    const list = await listInvestments(actor, clientId, { sort: "value", dir: "desc", page: page === 1 ? undefined : page });
    rows.push(...list.rows);
    if (page >= list.pageCount) return rows;
  }
}
