// GET /api/clients/:clientId/transactions/:kind/csv – every transaction matching the filters, as CSV, streamed (400 on a bad parameter).
import { z } from "zod";
import { jsonError } from "@/lib/api/json-error";
import { withUser } from "@/lib/api/with-user";
import { dayIn } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { logError } from "@/lib/log/log-error";
import { iterateTransactions } from "@/lib/services/wealth/list-transactions";
import { assertWealthAccess } from "@/lib/services/wealth/wealth-context";
import { minorToDecimal } from "@/lib/wealth/decimal";
import { LEDGER_KINDS, parseLedgerQuery } from "@/lib/wealth/ledger-query";
import { csvLine } from "@/lib/wealth/csv";

const HEADER = ["date", "value_date", "description", "category", "product", "quantity", "unit_price", "amount", "currency", "balance", "balance_currency"];

export const GET = withUser<{ clientId: string; kind: string }>(async ({ request, user, params }) => {
  const kind = z.enum(LEDGER_KINDS).safeParse(params.kind);
  if (!kind.success) return jsonError(404, "NOT_FOUND", "Not found");
  const { query, problems } = parseLedgerQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (problems.length) return jsonError(400, "BAD_REQUEST", "Invalid parameters", Object.fromEntries(problems.map((p) => [p.field, ["invalid value"]])));
  // Checked before the stream starts, so a refused client is a real 404, not a broken download.
  await assertWealthAccess(user, params.clientId);
  const rows = iterateTransactions(user, params.clientId, kind.data, query);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
        for await (const batch of rows) {
          let chunk = "";
          for (const row of batch) {
            chunk += csvLine(
              [row.date, row.valueDate, row.description, row.category, row.product, row.quantity, row.unitPrice, minorToDecimal(row.amount.minor, row.amount.currency), row.amount.currency, row.balance ? minorToDecimal(row.balance.minor, row.balance.currency) : null, row.balance?.currency ?? null],
              new Set([5, 6, 7, 9]),
            );
          }
          controller.enqueue(encoder.encode(chunk));
        }
        controller.close();
      } catch (error) {
        logError("csv export failed", error);
        controller.error(error);
      }
    },
  });
  // The day of the export in the firm's time zone, as the pages name it (not UTC's, a day behind from 23:00 to midnight in Madrid).
  const day = dayIn(new Date(), firmTimeZone());
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind.data}-transactions-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
