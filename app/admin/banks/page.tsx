import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { readFromFlanks } from "@/lib/services/connections/flanks-read";

export const generateMetadata = pageTitle("banks");

const ZQuerySchema = z.object({ q: z.string().trim().max(80).optional().catch(undefined) });

export default async function AdminBanksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { t } = await getMessages();
  const { q } = ZQuerySchema.parse(await searchParams);
  const banks = await readFromFlanks(() => getFlanksClient().getAvailableBanks());
  const needle = q?.toLowerCase();
  const shown = banks.ok ? banks.value.filter((bank) => !needle || `${bank.id} ${bank.name} ${bank.cif ?? ""}`.toLowerCase().includes(needle)) : [];
  return (
    <>
      <PageHeader title={t.adminConnections.banksTitle} />
      <form method="get" role="search" className="mb-4 flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="bank-search" className="text-sm font-medium">{t.adminConnections.banksSearch}</label>
          <input id="bank-search" name="q" type="search" defaultValue={q ?? ""} className="rounded-md border border-slate-400 px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white">{t.common.search}</button>
      </form>
      {!banks.ok ? (
        <Alert tone="error">{interpolate(t.adminConnections.flanksUnavailable, { error: banks.error })}</Alert>
      ) : (
        <DataTable caption={t.adminConnections.banksTitle} columns={[{ label: "id" }, { label: t.admin.name }, { label: "CIF" }, { label: t.adminConnections.alwaysManual }]}>
          {shown.map((bank) => (
            <tr key={bank.id}>
              <td className="px-4 py-2 font-mono text-xs">{bank.id}</td>
              <td className="px-4 py-2">{bank.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{bank.cif ?? "—"}</td>
              <td className="px-4 py-2">{bank.alwaysManualRefresh ? t.common.yes : t.common.no}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
