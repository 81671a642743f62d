import { Link } from "@/components/ui/link";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { requireAdmin } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { ZClientListQuerySchema } from "@/lib/services/clients/client-schemas";
import { listClients } from "@/lib/services/clients/list-clients";
import { listActiveAdvisors } from "@/lib/services/users/list-users";
import { reassignClientAction } from "../actions";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { TextField } from "@/components/ui/text-field";

export const generateMetadata = pageTitle("adminClients");

export default async function AdminClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { t } = await getMessages();
  const rawQuery = await searchParams;
  const query = ZClientListQuerySchema.parse(rawQuery);
  const isDeleted = rawQuery.deleted === "1";
  const [list, advisors] = await Promise.all([listClients(admin, query), listActiveAdvisors(admin)]);
  const options = advisors.map((advisor) => ({ value: advisor.id, label: advisor.name }));
  return (
    <>
      <PageHeader title={t.admin.allClients} />
      {isDeleted ? (
        <div className="mb-4">
          <Alert tone="success">{t.clients.deletedNotice}</Alert>
        </div>
      ) : null}
      <FilterBar submitLabel={t.common.search}>
        <TextField id="admin-client-search" name="q" type="search" label={t.clients.searchLabel} defaultValue={query.q ?? ""} />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t.clients.emptyTitle} body={t.clients.emptyBody} />
      ) : (
        <DataTable caption={t.admin.allClients} columns={[{ label: t.clients.displayName }, { label: t.clients.advisor }, { label: t.admin.reassign }]}>
          {list.items.map((client) => (
            <tr key={client.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/clients/${client.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {client.displayName}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-700">{client.advisor.name}</td>
              <td className="px-4 py-3">
                <ActionForm action={reassignClientAction} hidden={[{ name: "clientId", value: client.id }]} label={t.admin.reassign}>
                  <SelectField
                    name="advisorId"
                    id={`advisor-${client.id}`}
                    label={`${t.admin.reassignTo} (${client.displayName})`}
                    options={options}
                    defaultValue={client.advisor.id}
                  />
                </ActionForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        t={t}
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => `/admin/clients?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`}
      />
    </>
  );
}
