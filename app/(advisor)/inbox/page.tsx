import type { Metadata } from "next";
import Link from "next/link";
import { productListText } from "@/components/connections/product-names";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { listActionInbox } from "@/lib/services/connections/list-action-inbox";

export const metadata: Metadata = { title: "Needs action" };

export default async function InboxPage() {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const items = await listActionInbox(user);
  return (
    <>
      <PageHeader title={t.connections.inboxTitle} />
      {items.length === 0 ? (
        <EmptyState title={t.connections.inboxTitle} body={t.connections.inboxEmpty} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t.connections.inboxTitle}</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t.connections.client}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t.connections.bank}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t.connections.problem}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t.connections.since}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="inbox">
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/clients/${item.clientId}/connections`} className="text-brand-700 underline-offset-2 hover:underline">
                      {item.clientName}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{item.bank || "—"}</td>
                  <td className="px-4 py-3">
                    {t.connections.stateNames[item.state]}
                    {item.state === "PARTIAL" ? ` (${productListText(t, item.erroredProducts)})` : ""}
                  </td>
                  <td className="px-4 py-3 tabular">{formatDate(new Date(item.stateSince), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
