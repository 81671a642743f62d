import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { TActor } from "@/lib/auth/authorization";
import { getMessages } from "@/lib/i18n/get-locale";
import { insightTitle } from "@/lib/insights/describe-insight";
import { logError } from "@/lib/log/log-error";
import { listInsightsNeedingAction, type TClientInsights } from "@/lib/services/insights/list-insights-needing-action";

/** The book's card: per client, the insights that need action (their titles), each client one click from its overview. */
export async function BookInsights({ user, advisorId }: { user: TActor; advisorId: string | null }) {
  const { t } = await getMessages();
  const m = t.insights;
  let clients: TClientInsights[];
  try {
    clients = await listInsightsNeedingAction(user, { advisorId });
  } catch (error) {
    logError("book insights failed", error);
    return (
      <Card title={m.book.title}>
        <Alert tone="error">{m.error}</Alert>
      </Card>
    );
  }
  return (
    <Card title={m.book.title}>
      <p className="-mt-2 mb-3 text-sm text-slate-700">{m.book.note}</p>
      {clients.length === 0 ? (
        <p className="text-sm text-slate-700">{m.book.empty}</p>
      ) : (
        <DataTable caption={m.book.title} columns={[{ label: m.book.client }, { label: m.book.insights }]} bodyTestId="book-insights" isFramed={false}>
          {clients.map((entry) => (
            <tr key={entry.clientId}>
              <th scope="row" className="py-1.5 pr-4 text-left align-top font-medium">
                <Link href={`/clients/${entry.clientId}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {entry.clientName}
                </Link>
              </th>
              <td className="py-1.5 pr-4 text-sm">
                <ul>
                  {entry.insights.map((insight) => (
                    <li key={insight.id} data-insight-id={insight.id}>
                      {insightTitle(insight, t)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
