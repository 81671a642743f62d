// GET /api/clients/:clientId/report?from=&to=&insight= – the client report as a PDF attachment (400 naming a bad parameter, 404 like every client read).
import { jsonError } from "@/lib/api/json-error";
import { withUser } from "@/lib/api/with-user";
import { dayIn } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { renderReportPdf } from "@/lib/report/report-pdf";
import { reportProblemTexts } from "@/lib/report/report-problems";
import { parseReportRequest, queryRecord } from "@/lib/report/report-request";
import { makeClientReport } from "@/lib/services/report/make-client-report";

export const GET = withUser<{ clientId: string }>(async ({ request, user, params }) => {
  const { locale, t } = await getMessages();
  const parsed = parseReportRequest(queryRecord(new URL(request.url).searchParams), dayIn(new Date(), firmTimeZone()));
  if (!parsed.request) return jsonError(400, "BAD_REQUEST", "Invalid parameters", reportProblemTexts(parsed.problems, t));
  const report = await makeClientReport(user, params.clientId, parsed.request, { format: "pdf", advisorLocale: locale });
  const pdf = await renderReportPdf(report.model);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${report.fileName}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
});
