// GET /api/clients/:clientId/transactions/:kind/csv – every transaction matching the filters, as CSV, streamed (400 on a bad parameter).
import { z } from "zod";
import { jsonError } from "@/lib/api/json-error";
import { withUser } from "@/lib/api/with-user";
import { accountTxTypeLabel, investmentTxTypeLabel } from "@/components/wealth/labels";
import { dayIn } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { logError } from "@/lib/log/log-error";
import { assertWealthAccess } from "@/lib/services/wealth/wealth-context";
import { minorToDecimal } from "@/lib/wealth/decimal";
import type { TMessages } from "@/lib/i18n/messages";
import type { TMoney } from "@/lib/money/money";
import { iterateTransactions, type TLedgerRow } from "@/lib/services/wealth/list-transactions";
import { LEDGER_KINDS, parseLedgerQuery, type TLedgerKind } from "@/lib/wealth/ledger-query";
import { csvLine } from "@/lib/wealth/csv";

// Amounts after `balance_currency` (commission … origin_gain) are in `currency`, the transaction's; `type` is
// the code as sent, `type_name` its name in the user's language.
const HEADER = [
  "date",
  "value_date",
  "description",
  "category",
  "product",
  "quantity",
  "unit_price",
  "amount",
  "currency",
  "balance",
  "balance_currency",
  "type",
  "type_name",
  "counterparty",
  "counterparty_iban",
  "commission",
  "retention",
  "expenses",
  "exchange_rate",
  "origin_gain",
  "origin_gain_date",
];
const NUMERIC_COLUMNS = new Set([5, 6, 7, 9, 15, 16, 17, 18, 19]);

const decimalOf = (amount: TMoney | null | undefined) => (amount ? minorToDecimal(amount.minor, amount.currency) : null);

function csvCells(kind: TLedgerKind, row: TLedgerRow, t: TMessages): (string | null)[] {
  const investment = row.investment;
  const typeName =
    row.typeCode === null
      ? null
      : kind === "investment"
        ? investmentTxTypeLabel(row.typeCode, t, investment?.reversalType)
        : kind === "account"
          ? accountTxTypeLabel(row.typeCode, t)
          : row.typeCode;
  return [
    row.date,
    row.valueDate,
    row.description,
    row.category,
    row.product,
    row.quantity,
    row.unitPrice,
    decimalOf(row.amount),
    row.amount.currency,
    decimalOf(row.balance),
    row.balance?.currency ?? null,
    row.typeCode,
    typeName,
    row.counterparty?.name ?? null,
    row.counterparty?.iban ?? null,
    decimalOf(kind === "card" ? row.commission : investment?.commission.total),
    decimalOf(investment?.retention.total),
    decimalOf(investment?.expenses.total),
    investment?.exchange?.rate ?? null,
    decimalOf(investment?.originGain?.amount),
    investment?.originGain?.date ?? null,
  ];
}

export const GET = withUser<{ clientId: string; kind: string }>(async ({ request, user, params }) => {
  const kind = z.enum(LEDGER_KINDS).safeParse(params.kind);
  if (!kind.success) return jsonError(404, "NOT_FOUND", "Not found");
  const { query, problems } = parseLedgerQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (problems.length) return jsonError(400, "BAD_REQUEST", "Invalid parameters", Object.fromEntries(problems.map((p) => [p.field, ["invalid value"]])));
  // Checked before the stream starts, so a refused client is a real 404, not a broken download.
  await assertWealthAccess(user, params.clientId);
  const rows = iterateTransactions(user, params.clientId, kind.data, query);
  const { t } = await getMessages();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
        for await (const batch of rows) {
          let chunk = "";
          for (const row of batch) chunk += csvLine(csvCells(kind.data, row, t), NUMERIC_COLUMNS);
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
