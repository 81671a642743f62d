import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/text-field";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { dayIn, formatDateTime, formatDay } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getReportOptions } from "@/lib/services/report/get-report-options";

export const generateMetadata = pageTitle("report");

type TProps = { params: Promise<{ clientId: string }> };

/**
 * The report's options (period, insights) and the reports made. The form is a plain GET form: its two
 * buttons open the print view or download the PDF with the same parameters; nothing here links to
 * either, so no prefetch ever makes (and records) a report nobody asked for.
 */
export default async function ClientReportPage({ params }: TProps) {
  const user = await requireUser();
  const { clientId } = await params;
  const { locale, t } = await getMessages();
  const timeZone = firmTimeZone();
  const today = dayIn(new Date(), timeZone);
  const options = await orNotFound(getReportOptions(user, clientId, locale, today));
  const r = t.report;
  const base = `/clients/${options.clientId}`;
  return (
    <div className="space-y-6">
      <Card title={t.pageTitles.report}>
        <p className="-mt-2 mb-4 text-sm text-slate-700">{r.intro}</p>
        <form method="get" action={`${base}/report/print`} className="space-y-4" data-testid="report-form">
          <fieldset className="flex flex-wrap gap-4">
            <legend className="mb-2 text-sm font-semibold text-slate-800">{r.periodLegend}</legend>
            <TextField name="from" type="date" label={r.from} defaultValue={options.period.from} max={today} required />
            <TextField name="to" type="date" label={r.to} defaultValue={options.period.to} max={today} required />
          </fieldset>
          <fieldset>
            <legend className="mb-2 text-sm font-semibold text-slate-800">{r.insightsLegend}</legend>
            {options.insights.length === 0 ? (
              <p className="text-sm text-slate-700" data-testid="report-insights-empty">
                {r.insightsEmpty}
              </p>
            ) : (
              <ul className="space-y-1">
                {options.insights.map((insight) => (
                  <li key={insight.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="insight" value={insight.id} className="mt-1" />
                      <span>
                        <span className="font-medium">{insight.title}</span> — {insight.sentence}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <p className="text-sm text-slate-700" data-testid="report-language">
            {interpolate(r.languageNote, { language: r.languageNames[options.language.locale], source: r.languageSource[options.language.source] })}
          </p>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className={buttonClasses("primary")} data-testid="report-open-print">
              {r.printView}
            </button>
            <button type="submit" formAction={`/api${base}/report`} className={buttonClasses("secondary")} data-testid="report-download">
              {r.download}
            </button>
          </div>
        </form>
      </Card>

      <Card title={r.recentTitle}>
        {options.recent.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="recent-reports-empty">
            {r.recentEmpty}
          </p>
        ) : (
          <DataTable
            caption={r.recentCaption}
            columns={[{ label: r.when }, { label: r.who }, { label: r.period }, { label: r.format }, { label: r.included, align: "right" }]}
            testId="recent-reports"
            isFramed={false}
          >
            {options.recent.map((report) => (
              <tr key={report.id}>
                <td className="py-1.5 pr-4">{formatDateTime(report.at, locale, timeZone)}</td>
                <td className="py-1.5 pr-4">{report.by ?? t.wealth.common.none}</td>
                <td className="py-1.5 pr-4">
                  {report.from && report.to ? `${formatDay(report.from, locale)} – ${formatDay(report.to, locale)}` : t.wealth.common.none}
                </td>
                <td className="py-1.5 pr-4">{report.format ? r.formats[report.format] : t.wealth.common.none}</td>
                <td className="tabular py-1.5 pr-4 text-right">{report.insights}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
