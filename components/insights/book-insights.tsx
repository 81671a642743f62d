import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { TActor } from "@/lib/auth/authorization";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { insightTitle } from "@/lib/insights/describe-insight";
import { logError } from "@/lib/log/log-error";
import { listInsightsNeedingAction, type TClientInsights } from "@/lib/services/insights/list-insights-needing-action";

/** The clients shown, those with the most insights first, and the titles shown per client (the overview has them all). */
const SHOWN_CLIENTS = 25;
const SHOWN_TITLES = 3;

/**
 * The book's card: per client, the insights that need action (their titles), each client one click
 * from its overview. Until profiles are recorded nearly every client has one, so the card keeps to the
 * clients with the most and names how many more there are.
 */
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
  const shown = [...clients].sort((a, b) => b.insights.length - a.insights.length || a.clientName.localeCompare(b.clientName)).slice(0, SHOWN_CLIENTS);
  return (
    <Card title={m.book.title}>
      <p className="-mt-2 mb-3 text-sm text-slate-700">{m.book.note}</p>
      {clients.length === 0 ? (
        <p className="text-sm text-slate-700">{m.book.empty}</p>
      ) : (
        <DataTable caption={m.book.title} columns={[{ label: m.book.client }, { label: m.book.insights }]} bodyTestId="book-insights" isFramed={false}>
          {shown.map((entry) => (
            <tr key={entry.clientId}>
              <th scope="row" className="py-1.5 pr-4 text-left align-top font-medium">
                <Link href={`/clients/${entry.clientId}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {entry.clientName}
                </Link>
              </th>
              <td className="py-1.5 pr-4 text-sm">
                <ul>
                  {entry.insights.slice(0, SHOWN_TITLES).map((insight) => (
                    <li key={insight.id} data-insight-id={insight.id}>
                      {insightTitle(insight, t)}
                    </li>
                  ))}
                  {entry.insights.length > SHOWN_TITLES ? (
                    <li className="text-slate-700">{interpolate(m.book.moreInsights, { count: entry.insights.length - SHOWN_TITLES })}</li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {clients.length > shown.length ? (
        <p className="mt-3 text-sm text-slate-700">{interpolate(m.book.moreClients, { count: clients.length - shown.length })}</p>
      ) : null}
    </Card>
  );
}
