import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { ClientTabs } from "@/components/clients/client-tabs";
import { ConnectionBanners } from "@/components/connections/connection-banners";
import { createInvitationAction } from "../connection-actions";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { getClient } from "@/lib/services/clients/get-client";
import { getClientHousehold } from "@/lib/services/households/get-client-household";

/**
 * Checks access before anything streams, so someone else's (or an unknown) client answers with
 * a real 404 status, not a 200 page that later shows "not found". Every tab shows the
 * connection banners.
 */
export default async function ClientLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const user = await requireUser();
  const client = await orNotFound(getClient(user, (await params).clientId));
  const [{ t }, household] = await Promise.all([getMessages(), getClientHousehold(user, client.id)]);
  const base = `/clients/${client.id}`;
  const tabs = [
    { href: base, label: t.wealth.tabs.overview },
    { href: `${base}/investments`, label: t.wealth.tabs.investments },
    { href: `${base}/portfolios`, label: t.wealth.tabs.portfolios },
    { href: `${base}/performance`, label: t.wealth.tabs.performance },
    { href: `${base}/accounts`, label: t.wealth.tabs.accounts },
    { href: `${base}/cards`, label: t.wealth.tabs.cards },
    { href: `${base}/liabilities`, label: t.wealth.tabs.liabilities },
    { href: `${base}/mifid`, label: t.wealth.tabs.mifid },
    { href: `${base}/profile`, label: t.insights.profile.tab },
    { href: `${base}/identity`, label: t.wealth.tabs.identity },
    { href: `${base}/connections`, label: t.connections.tab },
    { href: `${base}/details`, label: t.clients.details },
    { href: `${base}/report`, label: t.report.tab },
  ];
  // print:hidden: printing a client page (the report's print view) gives the page's content, not the app around it.
  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link href="/clients" className="text-brand-700 underline">
          ← {t.clients.title}
        </Link>
      </p>
      <div className="mb-4 print:hidden">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{client.displayName}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {client.contactEmail}
          {client.externalRef ? ` · ${client.externalRef}` : ""} · {t.clients.advisor}: {client.advisor.name}
          {household ? (
            <>
              {" · "}
              {t.households.clientHousehold}:{" "}
              <Link href={`/households/${household.id}`} className="text-brand-700 underline" data-testid="client-household">
                {household.name}
              </Link>{" "}
              ({t.households.roles[household.role]})
            </>
          ) : null}
        </p>
      </div>
      {client.archived ? (
        <div className="mb-4 print:hidden">
          <Alert tone="warning">{t.clients.archivedNotice}</Alert>
        </div>
      ) : null}
      <div className="print:hidden">
        <ConnectionBanners clientId={client.id} createInvitation={createInvitationAction} />
      </div>
      <ClientTabs tabs={tabs} label={t.clients.sections}>
        {children}
      </ClientTabs>
    </>
  );
}
