import { Link } from "@/components/ui/link";
import { ReconcileButton } from "@/components/admin/reconcile-button";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { compareCredentials } from "@/lib/services/connections/admin-connections";
import { readFromFlanks } from "@/lib/connections/flanks-read";
import { listRefusedLinkAttempts } from "@/lib/services/connections/list-refused-link-attempts";
import { listPendingLinkCodes } from "@/lib/services/connections/reconcile-link-codes";
import { adoptUnknownCredentialsAction, deleteUnknownCredentialsAction, reconcileAction } from "../connection-actions";

export const generateMetadata = pageTitle("reconcile");

export default async function AdminReconcilePage() {
  const admin = await requireAdmin();
  const { t } = await getMessages();
  const [codes, comparison, refused] = await Promise.all([
    readFromFlanks(() => listPendingLinkCodes(admin)),
    readFromFlanks(() => compareCredentials(admin)),
    listRefusedLinkAttempts(admin),
  ]);
  const unavailable = (error: string) => <Alert tone="error">{interpolate(t.adminConnections.flanksUnavailable, { error })}</Alert>;
  return (
    <>
      <PageHeader title={t.adminConnections.reconcileTitle} />
      <div className="flex flex-col gap-6">
        <Card title={t.adminConnections.pendingCodes} actions={<ReconcileButton action={reconcileAction} />}>
          {!codes.ok ? (
            unavailable(codes.error)
          ) : codes.value.length === 0 ? (
            <p className="text-sm text-slate-700">{t.adminConnections.noPendingCodes}</p>
          ) : (
            <DataTable
              caption={t.adminConnections.pendingCodes}
              testId="pending-codes"
              isFramed={false}
              columns={[{ label: "Code" }, { label: "extra" }, { label: t.connections.client }]}
            >
              {codes.value.map((code, index) => (
                <tr key={`${code.codePreview}-${index}`}>
                  <td className="py-2 pr-4 font-mono text-xs">{code.codePreview}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{JSON.stringify(code.extra)}</td>
                  <td className="py-2">{code.isMapped ? `${t.adminConnections.mapped}: ${code.clientName}` : t.adminConnections.orphan}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card title={t.adminConnections.unknownAtPatrimonio}>
          {!comparison.ok ? (
            unavailable(comparison.error)
          ) : comparison.value.unknownAtPatrimonio.length === 0 ? (
            <p className="text-sm text-slate-700">{t.adminConnections.inSync}</p>
          ) : (
            <ul className="flex flex-col gap-3 text-sm" data-testid="unknown-at-patrimonio">
              {comparison.value.unknownAtPatrimonio.map((item) => (
                <li key={item.handle} className="rounded-md border border-slate-200 p-3" data-testid="unknown-credentials">
                  <p>
                    {item.bank} · external_id {item.externalId ?? "—"}
                    {item.clientName ? ` (${item.clientName})` : ""} · {item.lastUpdate ?? "—"}
                  </p>
                  <div className="mt-2 flex flex-wrap items-end gap-4">
                    <ActionForm
                      action={adoptUnknownCredentialsAction}
                      hidden={[{ name: "handle", value: item.handle }]}
                      label={t.adminConnections.adopt}
                      confirmText={t.adminConnections.adoptConfirm}
                      successText={t.adminConnections.adopted}
                    >
                      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
                        {t.adminConnections.adoptClientId}
                        <input
                          name="clientId"
                          required
                          defaultValue={item.clientId ?? ""}
                          className="w-64 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm"
                        />
                      </label>
                    </ActionForm>
                    <ActionForm
                      action={deleteUnknownCredentialsAction}
                      hidden={[{ name: "handle", value: item.handle }]}
                      label={t.adminConnections.deleteAtFlanks}
                      variant="danger"
                      confirmText={t.adminConnections.deleteAtFlanksConfirm}
                      successText={t.adminConnections.deletedAtFlanks}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t.adminConnections.unknownAtFlanks}>
          {!comparison.ok ? (
            unavailable(comparison.error)
          ) : comparison.value.unknownAtFlanks.length === 0 ? (
            <p className="text-sm text-slate-700">{t.adminConnections.inSync}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {comparison.value.unknownAtFlanks.map((item) => (
                <li key={item.id}>
                  <Link className="text-brand-700 underline" href={`/admin/connections`}>
                    {item.bank} · {item.clientName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t.adminConnections.refusedAttempts}>
          {refused.length === 0 ? (
            <p className="text-sm text-slate-700">{t.adminConnections.refusedAttemptsNone}</p>
          ) : (
            <ul className="text-sm tabular" data-testid="refused-link-attempts">
              {refused.map((row) => (
                <li key={`${row.day}-${row.reason}`}>
                  {row.day} · <span className="font-mono text-xs">{row.reason}</span> · {row.count}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
