// GET /api/clients/:clientId/transactions/:kind – one page of account | card | investment | liability transactions (same parameters as the pages; 400 on a bad one).
import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json-error";
import { withUser } from "@/lib/api/with-user";
import { listTransactions } from "@/lib/services/wealth/list-transactions";
import { encodeLedgerKey, LEDGER_KINDS, parseLedgerQuery } from "@/lib/wealth/ledger-query";
import { toMoneyJson } from "@/lib/api/money-json";

export const GET = withUser<{ clientId: string; kind: string }>(async ({ request, user, params }) => {
  const kind = z.enum(LEDGER_KINDS).safeParse(params.kind);
  if (!kind.success) return jsonError(404, "NOT_FOUND", "Not found");
  const { query, problems } = parseLedgerQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (problems.length) return jsonError(400, "BAD_REQUEST", "Invalid parameters", Object.fromEntries(problems.map((p) => [p.field, ["invalid value"]])));
  const page = await listTransactions(user, params.clientId, kind.data, query);
  return NextResponse.json(
    {
      total: page.total,
      page: page.page,
      pageCount: page.pageCount,
      rows: toMoneyJson(page.rows),
      // Keyset paging: pass as `after` (with page + 1) or `before` (with page - 1) for the next or previous page.
      next: page.page < page.pageCount && page.lastKey ? encodeLedgerKey(page.lastKey) : null,
      previous: page.page > 1 && page.firstKey ? encodeLedgerKey(page.firstKey) : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
