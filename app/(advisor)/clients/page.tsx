import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { requireUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { ZClientListQuerySchema } from "@/lib/services/clients/client-schemas";
import { ClientTable } from "./_components/client-table";

export const generateMetadata = pageTitle("clients");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: TProps) {
  const user = await requireUser();
  const { t } = await getMessages();
  const query = ZClientListQuerySchema.parse(await searchParams);
  const isAdmin = user.role === "ADMIN";

  return (
    <>
      <PageHeader title={t.clients.title} actions={isAdmin ? null : <ButtonLink href="/clients/new">{t.clients.new}</ButtonLink>} />
      <FilterBar action="/clients" submitLabel={t.common.search}>
        <TextField id="client-search" name="q" type="search" label={t.clients.searchLabel} defaultValue={query.q ?? ""} className="min-w-64 flex-1" />
        <SelectField
          id="client-sort"
          name="sort"
          label={t.clients.sortLabel}
          defaultValue={query.sort ?? "name"}
          options={[
            { value: "name", label: t.clients.sortName },
            { value: "created", label: t.clients.sortCreated },
            { value: "updated", label: t.clients.sortUpdated },
            { value: "wealth", label: t.fx.clientList.sortByWealth },
          ]}
        />
        <label className="flex items-center gap-2 py-2 text-sm text-slate-800">
          <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === "1"} className="h-4 w-4" />
          {t.clients.showArchived}
        </label>
      </FilterBar>

      <ClientTable query={query} />
    </>
  );
}
