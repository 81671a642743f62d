import type { TCreateInvitationAction } from "@/components/connections/create-invitation-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { TActor } from "@/lib/auth/authorization";
import { getEnv } from "@/lib/env";
import { formatDay } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { describeInsight } from "@/lib/insights/describe-insight";
import { REAUTH_NOTICE_DAYS } from "@/lib/insights/reauth-ahead";
import type { TReauthAheadInsight } from "@/lib/insights/types";
import { logError } from "@/lib/log/log-error";
import { listInsightsNeedingAction, type TClientInsights } from "@/lib/services/insights/list-insights-needing-action";
import { insightAction } from "./insight-action";

/**
 * The inbox's insights: the re-authentications expected within REAUTH_NOTICE_DAYS, each with its
 * invitation one click away, then every other insight that needs action, with its sentence.
 */
export async function InboxInsights({ user, inviteAction }: { user: TActor; inviteAction: TCreateInvitationAction }) {
  const { locale, t } = await getMessages();
  const m = t.insights;
  let clients: TClientInsights[];
  try {
    clients = await listInsightsNeedingAction(user);
  } catch (error) {
    logError("inbox insights failed", error);
    return <Alert tone="error">{m.error}</Alert>;
  }
  const firmName = getEnv().FIRM_NAME;
  const reauths = clients.flatMap((entry) =>
    entry.insights.filter((insight): insight is TReauthAheadInsight => insight.kind === "reauthAhead").map((insight) => ({ ...entry, insight })),
  );
  reauths.sort((a, b) => a.insight.figures.daysLeft - b.insight.figures.daysLeft);
  const others = clients.flatMap((entry) => entry.insights.filter((insight) => insight.kind !== "reauthAhead").map((insight) => ({ ...entry, insight })));
  const clientLink = (clientId: string, name: string) => (
    <Link href={`/clients/${clientId}`} className="text-brand-700 underline-offset-2 hover:underline">
      {name}
    </Link>
  );
  return (
    <div className="mt-6 space-y-6">
      <Card title={interpolate(m.inbox.reauthTitle, { days: REAUTH_NOTICE_DAYS })}>
        {reauths.length === 0 ? (
          <p className="text-sm text-slate-700">{interpolate(m.inbox.reauthEmpty, { days: REAUTH_NOTICE_DAYS })}</p>
        ) : (
          <DataTable
            caption={interpolate(m.inbox.reauthTitle, { days: REAUTH_NOTICE_DAYS })}
            columns={[{ label: m.inbox.client }, { label: m.inbox.expected }, { label: m.inbox.insight }, { label: m.inbox.action }]}
            bodyTestId="inbox-reauth"
            isFramed={false}
          >
            {reauths.map(({ clientId, clientName, insight }) => (
              <tr key={insight.id} data-insight-id={insight.id}>
                <th scope="row" className="py-2 pr-4 text-left align-top font-medium">
                  {clientLink(clientId, clientName)}
                </th>
                <td className="tabular py-2 pr-4 align-top">{formatDay(insight.figures.dueDay, locale)}</td>
                <td className="py-2 pr-4 align-top text-sm">{describeInsight(insight, t, locale).sentence}</td>
                <td className="py-2 pr-4 align-top">{insightAction(insight, clientId, t, inviteAction, firmName)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {others.length > 0 ? (
        <Card title={m.inbox.title}>
          <DataTable caption={m.inbox.title} columns={[{ label: m.inbox.client }, { label: m.inbox.insight }]} bodyTestId="inbox-insights" isFramed={false}>
            {others.map(({ clientId, clientName, insight }) => {
              const text = describeInsight(insight, t, locale);
              return (
                <tr key={`${clientId}:${insight.id}`} data-insight-id={insight.id}>
                  <th scope="row" className="py-2 pr-4 text-left align-top font-medium">
                    {clientLink(clientId, clientName)}
                  </th>
                  <td className="py-2 pr-4 text-sm">
                    <p className="font-semibold">{text.title}</p>
                    <p>{text.sentence}</p>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </Card>
      ) : null}
    </div>
  );
}
