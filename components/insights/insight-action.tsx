import { CreateInvitationButton, type TCreateInvitationAction } from "@/components/connections/create-invitation-button";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { Link } from "@/components/ui/link";
import type { TMessages } from "@/lib/i18n/messages";
import type { TInsight } from "@/lib/insights/types";

/**
 * What an insight offers to do next: the profile page for a missing profile, the re-authentication
 * invitation (the connections page's own flow) for an SCA due soon. `inviteAction` is the page's server action.
 */
export function insightAction(insight: TInsight, clientId: string, t: TMessages, inviteAction: TCreateInvitationAction, firmName: string) {
  if (insight.kind === "profileMissing" || insight.kind === "unsuitableFamily" || insight.kind === "complexShare") {
    return (
      <Link href={`/clients/${clientId}/profile`} className="text-sm text-brand-700 underline">
        {insight.kind === "profileMissing" ? t.insights.profileMissing.link : t.insights.profile.title}
      </Link>
    );
  }
  if (insight.kind === "reauthAhead") {
    return (
      <I18nScope namespaces={["invitations"]}>
        <CreateInvitationButton
          action={inviteAction}
          clientId={clientId}
          purpose="SCA"
          connectionId={insight.figures.connectionId}
          label={t.insights.reauthAhead.invite}
          firmName={firmName}
        />
      </I18nScope>
    );
  }
  return null;
}
