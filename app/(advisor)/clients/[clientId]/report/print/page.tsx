import { PrintButton } from "@/components/report/print-button";
import { ReportView } from "@/components/report/report-view";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { dayIn } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { reportProblemTexts } from "@/lib/report/report-problems";
import { parseReportRequest } from "@/lib/report/report-request";
import { makeClientReport } from "@/lib/services/report/make-client-report";

export const generateMetadata = pageTitle("reportPrint");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The report as a page to print: the PDF's content model, laid out in HTML; the app's header, the client's tabs and these buttons are not printed. */
export default async function ClientReportPrintPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { clientId } = await params;
  const { locale, t } = await getMessages();
  const back = (
    <Link href={`/clients/${encodeURIComponent(clientId)}/report`} className="text-sm text-brand-700 underline">
      ← {t.report.backToReport}
    </Link>
  );
  const parsed = parseReportRequest(await searchParams, dayIn(new Date(), firmTimeZone()));
  if (!parsed.request) {
    return (
      <div className="space-y-4">
        <Alert tone="error" title={t.pageTitles.reportPrint}>
          <ul className="list-disc pl-5" data-testid="report-problems">
            {Object.values(reportProblemTexts(parsed.problems, t))
              .flat()
              .map((text) => (
                <li key={text}>{text}</li>
              ))}
          </ul>
        </Alert>
        {back}
      </div>
    );
  }
  const report = await orNotFound(makeClientReport(user, clientId, parsed.request, { format: "print", advisorLocale: locale }));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        {back}
        <PrintButton label={t.report.print} />
      </div>
      <div className="rounded-lg border border-slate-200 shadow-sm print:border-0 print:shadow-none">
        <ReportView model={report.model} />
      </div>
    </div>
  );
}
