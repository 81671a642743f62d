import type { TCreateInvitationAction } from "@/components/connections/create-invitation-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { getMessages } from "@/lib/i18n/get-locale";
import type { TInsight } from "@/lib/insights/types";
import { logError } from "@/lib/log/log-error";
import { listClientInsights } from "@/lib/services/insights/list-client-insights";
import { insightAction } from "./insight-action";
import { InsightList } from "./insight-list";

/**
 * The client overview's insights card: computed from the stored data in the same render as the page
 * (no skeleton: the figures are read in a few indexed queries, decision 037; while a tab loads the
 * previous one stays dimmed). A failure shows here and leaves the rest of the overview standing.
 */
export async function ClientInsights({ user, clientId, inviteAction }: { user: TSessionUser; clientId: string; inviteAction: TCreateInvitationAction }) {
  const { locale, t } = await getMessages();
  const m = t.insights;
  let insights: TInsight[];
  try {
    insights = await listClientInsights(user, clientId);
  } catch (error) {
    logError("insights failed", error);
    return (
      <Card title={m.title}>
        <Alert tone="error">{m.error}</Alert>
      </Card>
    );
  }
  const firmName = getEnv().FIRM_NAME;
  return (
    <Card title={m.title}>
      <p className="-mt-2 mb-3 text-sm text-slate-700">{m.intro}</p>
      {insights.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="insights-empty">
          {m.empty}
        </p>
      ) : (
        <InsightList insights={insights} locale={locale} t={t} actionOf={(insight) => insightAction(insight, clientId, t, inviteAction, firmName)} />
      )}
    </Card>
  );
}
