import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { ZClientListQuerySchema } from "@/lib/services/clients/client-schemas";
import { ClientTable } from "./_components/client-table";

export const generateMetadata = pageTitle("clients");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const query = ZClientListQuerySchema.parse(await searchParams);
  const isAdmin = user.role === "ADMIN";

  return (
    <>
      <PageHeader
        title={t.clients.title}
        actions={isAdmin ? null : <ButtonLink href="/clients/new">{t.clients.new}</ButtonLink>}
      />
      <form method="get" action="/clients" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" role="search">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="client-search" className="text-sm font-medium text-slate-800">
            {t.clients.searchLabel}
          </label>
          <input id="client-search" name="q" type="search" defaultValue={query.q ?? ""} className="rounded-md border border-slate-400 px-3 py-2 text-sm" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="client-sort" className="text-sm font-medium text-slate-800">
            {t.clients.sortLabel}
          </label>
          <select id="client-sort" name="sort" defaultValue={query.sort ?? "name"} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
            <option value="name">{t.clients.sortName}</option>
            <option value="created">{t.clients.sortCreated}</option>
            <option value="updated">{t.clients.sortUpdated}</option>
          </select>
        </div>
        <label className="flex items-center gap-2 py-2 text-sm text-slate-800">
          <input type="checkbox" name="archived" value="1" defaultChecked={query.archived === "1"} className="h-4 w-4" />
          {t.clients.showArchived}
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900">
          {t.common.search}
        </button>
      </form>

      <ClientTable query={query} />
    </>
  );
}
