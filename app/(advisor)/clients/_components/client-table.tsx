import { Link } from "@/components/ui/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import type { TClientListQuery } from "@/lib/services/clients/client-schemas";
import { listClients } from "@/lib/services/clients/list-clients";
import { money } from "@/lib/money/money";

function hrefWith(query: TClientListQuery, changes: Partial<TClientListQuery>): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `/clients?${text}` : "/clients";
}

export async function ClientTable({ query }: { query: TClientListQuery }) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const list = await listClients(user, query);
  const isAdmin = user.role === "ADMIN";
  const hasFilters = Boolean(query.q) || query.archived === "1";
  return (
    <>
      <p className="mb-2 text-sm text-slate-700" role="status">
        {interpolate(t.clients.count, { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        hasFilters ? (
          <EmptyState
            title={t.clients.title}
            body={interpolate(t.clients.noMatches, { q: query.q ?? "" })}
            action={
              <ButtonLink href="/clients" variant="secondary">
                {t.clients.clearSearch}
              </ButtonLink>
            }
          />
        ) : (
          <EmptyState
            title={t.clients.emptyTitle}
            body={t.clients.emptyBody}
            action={isAdmin ? null : <ButtonLink href="/clients/new">{t.clients.new}</ButtonLink>}
          />
        )
      ) : (
        <DataTable
          caption={t.clients.title}
          columns={[
            { label: t.clients.displayName },
            { label: t.clients.contactEmail },
            { label: t.clients.externalRef },
            ...(isAdmin ? [{ label: t.clients.advisor }] : []),
            { label: interpolate(t.fx.clientList.netInBase, { currency: list.baseCurrency }), align: "right" },
            { label: t.clients.dataAsOf },
          ]}
        >
          {list.items.map((client) => (
            <tr key={client.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                <Link href={`/clients/${client.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {client.displayName}
                </Link>
                {client.needsAction ? (
                  <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950" data-testid="needs-action">
                    {t.clients.needsAction}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3 text-slate-700">{client.contactEmail}</td>
              <td className="px-4 py-3 text-slate-700">{client.externalRef ?? t.common.none}</td>
              {isAdmin ? <td className="px-4 py-3 text-slate-700">{client.advisor.name}</td> : null}
              <td className="px-4 py-3 text-right tabular" data-testid="client-wealth">
                {client.netInBase === null ? (
                  <span className="text-slate-700">{t.clients.noWealthData}</span>
                ) : (
                  <>
                    <span className="font-medium" data-testid="client-net-base">
                      {formatMoney(money(BigInt(client.netInBase.netMinor), client.netInBase.currency), locale)}
                    </span>
                    {client.netInBase.notConverted.length > 0 ? (
                      <ul className="text-xs text-amber-900">
                        {client.netInBase.notConverted.map((total) => (
                          <li key={total.currency}>
                            {interpolate(t.fx.notConverted, { amount: formatMoney(money(BigInt(total.netMinor), total.currency), locale) })}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                )}
              </td>
              <td className="px-4 py-3 text-slate-700 tabular">{client.dataAsOf ? formatDate(client.dataAsOf, locale, firmTimeZone()) : t.common.none}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} hrefFor={(page) => hrefWith(query, { page })} />
    </>
  );
}
