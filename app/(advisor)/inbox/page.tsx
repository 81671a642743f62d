import { Link } from "@/components/ui/link";
import { productListText } from "@/components/connections/product-names";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/i18n/format";
import { interpolate } from "@/lib/i18n/messages";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { connectionStateLabel } from "@/lib/connections/connection-state-label";
import { listActionInbox } from "@/lib/services/connections/list-action-inbox";
import { DataTable } from "@/components/ui/data-table";
import { ConvertedAmount } from "@/components/wealth/converted-amount";
import { InboxInsights } from "@/components/insights/inbox-insights";
import { createInvitationAction } from "../clients/connection-actions";

export const generateMetadata = pageTitle("inbox");

export default async function InboxPage() {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const items = await listActionInbox(user);
  return (
    <>
      <PageHeader title={t.connections.inboxTitle} />
      {items[0] ? <p className="mb-3 text-sm text-slate-700">{interpolate(t.fx.inbox.rankNote, { currency: items[0].atStake.total.currency })}</p> : null}
      {items.length === 0 ? (
        <EmptyState title={t.connections.inboxTitle} body={t.connections.inboxEmpty} />
      ) : (
        <DataTable
          caption={t.connections.inboxTitle}
          columns={[
            { label: t.connections.client },
            { label: t.connections.bank },
            { label: t.fx.inbox.atStake, align: "right" },
            { label: t.connections.problem },
            { label: t.connections.since },
          ]}
          bodyTestId="inbox"
        >
          {items.map((item) => (
            <tr key={item.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/clients/${item.clientId}/connections`} className="text-brand-700 underline-offset-2 hover:underline">
                  {item.clientName}
                </Link>
              </td>
              <td className="px-4 py-3">{item.bankLabel || "—"}</td>
              <td className="px-4 py-3 text-right tabular" data-testid="inbox-at-stake">
                <ConvertedAmount value={item.atStake} locale={locale} t={t} />
              </td>
              <td className="px-4 py-3">
                {connectionStateLabel(item, t.connections)}
                {item.state === "PARTIAL" ? ` (${productListText(t, item.erroredProducts)})` : ""}
              </td>
              <td className="px-4 py-3 tabular">{formatDate(item.stateSince, locale, firmTimeZone())}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <InboxInsights user={user} inviteAction={createInvitationAction} />
    </>
  );
}
