import { Link } from "@/components/ui/link";
import { productListText } from "@/components/connections/product-names";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listAllConnections, listConnectionBanks, ZAdminConnectionQuerySchema } from "@/lib/services/connections/admin-connections";
import { CONNECTION_STATES } from "@/lib/sync/connection-state";
import { connectionStateLabel } from "@/lib/connections/connection-state-label";
import { listActiveAdvisors } from "@/lib/services/users/list-users";
import { deleteConnectionAction, forceConnectionAction, refreshConnectionAction } from "../connection-actions";

export const generateMetadata = pageTitle("adminConnections");

function prettyStatus(json: string | null): string {
  if (!json) return "—";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export default async function AdminConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { locale, t } = await getMessages();
  const query = ZAdminConnectionQuerySchema.parse(await searchParams);
  const [connections, advisors, banks] = await Promise.all([listAllConnections(admin, query), listActiveAdvisors(admin), listConnectionBanks(admin)]);
  return (
    <>
      <PageHeader title={t.adminConnections.title} />
      <FilterBar submitLabel={t.admin.filter}>
        <SelectField
          id="filter-state"
          name="state"
          label={t.adminConnections.filterState}
          defaultValue={query.state ?? ""}
          options={[
            { value: "", label: t.adminConnections.any },
            ...CONNECTION_STATES.map((state) => ({ value: state, label: t.connections.stateNames[state] })),
          ]}
        />
        <SelectField
          id="filter-advisor"
          name="advisor"
          label={t.adminConnections.filterAdvisor}
          defaultValue={query.advisor ?? ""}
          options={[{ value: "", label: t.adminConnections.any }, ...advisors.map((advisor) => ({ value: advisor.id, label: advisor.name }))]}
        />
        <SelectField
          id="filter-bank"
          name="bank"
          label={t.adminConnections.filterBank}
          defaultValue={query.bank ?? ""}
          options={[{ value: "", label: t.adminConnections.any }, ...banks.map((bank) => ({ value: bank, label: bank }))]}
        />
      </FilterBar>
      {connections.length === 0 ? (
        <EmptyState title={t.adminConnections.title} body={t.adminConnections.none} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t.adminConnections.title}>
          {connections.map((connection) => (
            <li key={connection.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="admin-connection">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-semibold">
                    {connection.bankLabel || "—"} ·{" "}
                    <Link href={`/clients/${connection.clientId}/connections`} className="text-brand-700 underline">
                      {connection.clientName}
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t.clients.advisor}: {connection.advisorName} ·{" "}
                    <span data-testid="admin-connection-state">{connectionStateLabel(connection, t.connections)}</span> · {t.connections.since}{" "}
                    {formatDate(connection.stateSince, locale, firmTimeZone())} · {t.connections.lastUpdate}{" "}
                    {connection.lastUpdateAt ? formatDate(connection.lastUpdateAt, locale, firmTimeZone()) : "—"}
                  </p>
                  {connection.erroredProducts.length ? <p className="text-sm text-amber-900">{productListText(t, connection.erroredProducts)}</p> : null}
                  {connection.statusError ? <p className="text-sm text-red-800">{connection.statusError}</p> : null}
                  {connection.isLastSyncPartial ? <p className="text-sm text-amber-900">{t.connections.lastSyncPartial}</p> : null}
                  {connection.unknownStatusFlags.length ? (
                    <p className="text-sm text-slate-700" data-testid="unknown-status-flags">
                      {t.adminConnections.unknownStatusFlags}: {connection.unknownStatusFlags.join(", ")}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  <ActionForm
                    action={refreshConnectionAction}
                    hidden={[{ name: "connectionId", value: connection.id }]}
                    label={t.adminConnections.refresh}
                    successText={t.adminConnections.done}
                  />
                  <ActionForm
                    action={forceConnectionAction}
                    hidden={[
                      { name: "connectionId", value: connection.id },
                      { name: "flow", value: "sca" },
                    ]}
                    label={t.adminConnections.forceSca}
                    successText={t.adminConnections.done}
                  />
                  <ActionForm
                    action={forceConnectionAction}
                    hidden={[
                      { name: "connectionId", value: connection.id },
                      { name: "flow", value: "reset" },
                    ]}
                    label={t.adminConnections.forceReset}
                    successText={t.adminConnections.done}
                  />
                  <ActionForm
                    action={deleteConnectionAction}
                    hidden={[{ name: "connectionId", value: connection.id }]}
                    label={t.adminConnections.delete}
                    variant="danger"
                    confirmText={t.adminConnections.deleteConfirm}
                  />
                </div>
              </div>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-slate-800">
                  {t.adminConnections.rawStatus}
                  {connection.statusCheckedAt ? ` (${formatDateTime(connection.statusCheckedAt, locale, firmTimeZone())})` : ""}
                </summary>
                <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-100 p-3 text-xs">{prettyStatus(connection.statusJson)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
