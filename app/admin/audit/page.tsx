import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listAuditEvents, ZAuditQuerySchema } from "@/lib/services/audit/list-audit-events";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";

export const generateMetadata = pageTitle("audit");

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { locale, t } = await getMessages();
  const query = ZAuditQuerySchema.parse(await searchParams);
  const { items, page, hasMore, actions } = await listAuditEvents(admin, query);
  const hrefFor = (nextPage: number) =>
    `/admin/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}), ...(query.target ? { target: query.target } : {}), page: String(nextPage) })}`;
  return (
    <>
      <PageHeader title={t.admin.audit} />
      <FilterBar submitLabel={t.admin.filter}>
        <SelectField
          id="audit-action"
          name="action"
          label={t.admin.auditAction}
          defaultValue={query.action ?? ""}
          options={[{ value: "", label: "—" }, ...actions.map((action) => ({ value: action, label: action }))]}
        />
        <TextField id="audit-actor" name="actor" label={t.admin.auditActor} defaultValue={query.actor ?? ""} />
        <TextField id="audit-target" name="target" label={t.admin.auditTarget} defaultValue={query.target ?? ""} />
      </FilterBar>
      {items.length === 0 ? (
        <EmptyState title={t.admin.audit} body={t.admin.auditEmpty} />
      ) : (
        <DataTable
          caption={t.admin.audit}
          columns={[
            { label: t.admin.auditWhen },
            { label: t.admin.auditActor },
            { label: t.admin.auditAction },
            { label: t.admin.auditTarget },
            { label: t.admin.auditDetails },
          ]}
        >
          {items.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-2 tabular text-slate-700">{formatDateTime(event.at, locale, firmTimeZone())}</td>
              <td className="px-4 py-2">{event.actorEmail ?? t.common.none}</td>
              <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
              <td className="px-4 py-2 font-mono text-xs">
                {event.targetType === "client" && event.targetId ? (
                  <Link className="text-brand-700 underline" href={`/clients/${event.targetId}`}>{`client:${event.targetId}`}</Link>
                ) : event.targetType ? (
                  `${event.targetType}:${event.targetId}`
                ) : (
                  t.common.none
                )}
              </td>
              <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-slate-700" title={event.details}>
                {event.details === "{}" ? "" : event.details}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pagination" className="mt-4 flex justify-between">
        {page > 1 ? (
          <Link className="text-brand-700 underline" href={hrefFor(page - 1)}>
            {t.common.previous}
          </Link>
        ) : (
          <span />
        )}
        {hasMore ? (
          <Link className="text-brand-700 underline" href={hrefFor(page + 1)}>
            {t.common.next}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
