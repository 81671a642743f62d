import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { pageTitle } from "@/lib/i18n/page-title";
import { listSetAsideRecords } from "@/lib/services/connections/list-set-aside-records";
import type { TSyncProduct } from "@/lib/sync/products";

export const generateMetadata = pageTitle("setAside");

// GET /admin/set-aside – the redacted records the latest syncs set aside (issue 15), admins only.
export default async function AdminSetAsidePage() {
  const admin = await requireAdmin();
  const { t, locale } = await getMessages();
  const rows = await listSetAsideRecords(admin);
  const productName = (product: string) => (t.wealth.products as Record<string, string>)[product as TSyncProduct] ?? product;
  return (
    <>
      <PageHeader title={t.adminConnections.setAsideTitle} />
      <Card>
        <p className="mb-4 text-sm text-slate-700">{t.adminConnections.setAsideIntro}</p>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t.adminConnections.setAsideNone}</p>
        ) : (
          <DataTable
            caption={t.adminConnections.setAsideTitle}
            testId="set-aside-records"
            isFramed={false}
            columns={[
              { label: t.adminConnections.setAsideWhen },
              { label: t.connections.client },
              { label: t.wealth.common.bank },
              { label: t.adminConnections.setAsideProduct },
              { label: t.adminConnections.setAsideRecordId },
              { label: t.adminConnections.setAsideIssues },
              { label: t.adminConnections.setAsideCopy },
            ]}
          >
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(row.createdAt, locale, firmTimeZone())}</td>
                <td className="py-2 pr-4">{row.clientName}</td>
                <td className="py-2 pr-4">{row.bank}</td>
                <td className="py-2 pr-4">{productName(row.product)}</td>
                <td className="py-2 pr-4 font-mono text-xs">{row.recordId ?? "—"}</td>
                <td className="py-2 pr-4 font-mono text-xs">
                  {row.issues.map((issue) => (
                    <div key={`${issue.path}-${issue.message}`}>
                      {issue.path}: {issue.message}
                    </div>
                  ))}
                </td>
                <td className="py-2">
                  <details>
                    <summary className="cursor-pointer text-sm">JSON</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto text-xs">{JSON.stringify(JSON.parse(row.recordJson), null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
