import { Link } from "@/components/ui/link";
import { productListText } from "@/components/connections/product-names";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listAllConnections, listConnectionBanks, ZAdminConnectionQuerySchema } from "@/lib/services/connections/admin-connections";
import { CONNECTION_STATES } from "@/lib/services/connections/connection-state";
import { connectionStateLabel } from "@/lib/services/connections/connection-state-label";
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
  const selectClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";
  return (
    <>
      <PageHeader title={t.adminConnections.title} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-state" className="text-sm font-medium">{t.adminConnections.filterState}</label>
          <select id="filter-state" name="state" defaultValue={query.state ?? ""} className={selectClass}>
            <option value="">{t.adminConnections.any}</option>
            {CONNECTION_STATES.map((state) => (
              <option key={state} value={state}>{t.connections.stateNames[state]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-advisor" className="text-sm font-medium">{t.adminConnections.filterAdvisor}</label>
          <select id="filter-advisor" name="advisor" defaultValue={query.advisor ?? ""} className={selectClass}>
            <option value="">{t.adminConnections.any}</option>
            {advisors.map((advisor) => (
              <option key={advisor.id} value={advisor.id}>{advisor.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-bank" className="text-sm font-medium">{t.adminConnections.filterBank}</label>
          <select id="filter-bank" name="bank" defaultValue={query.bank ?? ""} className={selectClass}>
            <option value="">{t.adminConnections.any}</option>
            {banks.map((bank) => (
              <option key={bank} value={bank}>{bank}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white">{t.admin.filter}</button>
      </form>
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
                    {t.clients.advisor}: {connection.advisorName} · <span data-testid="admin-connection-state">{connectionStateLabel(connection, t.connections)}</span> · {t.connections.since}{" "}
                    {formatDate(connection.stateSince, locale, firmTimeZone())} · {t.connections.lastUpdate} {connection.lastUpdateAt ? formatDate(connection.lastUpdateAt, locale, firmTimeZone()) : "—"}
                  </p>
                  {connection.erroredProducts.length ? <p className="text-sm text-amber-900">{productListText(t, connection.erroredProducts)}</p> : null}
                  {connection.statusError ? <p className="text-sm text-red-800">{connection.statusError}</p> : null}
                  {connection.unknownStatusFlags.length ? (
                    <p className="text-sm text-slate-700" data-testid="unknown-status-flags">
                      {t.adminConnections.unknownStatusFlags}: {connection.unknownStatusFlags.join(", ")}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  <ActionForm action={refreshConnectionAction} hidden={[{ name: "connectionId", value: connection.id }]} label={t.adminConnections.refresh} successText={t.adminConnections.done} />
                  <ActionForm action={forceConnectionAction} hidden={[{ name: "connectionId", value: connection.id }, { name: "flow", value: "sca" }]} label={t.adminConnections.forceSca} successText={t.adminConnections.done} />
                  <ActionForm action={forceConnectionAction} hidden={[{ name: "connectionId", value: connection.id }, { name: "flow", value: "reset" }]} label={t.adminConnections.forceReset} successText={t.adminConnections.done} />
                  <ActionForm action={deleteConnectionAction} hidden={[{ name: "connectionId", value: connection.id }]} label={t.adminConnections.delete} variant="danger" confirmText={t.adminConnections.deleteConfirm} />
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
