import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/ui/filter-bar";
import { TextField } from "@/components/ui/text-field";
import { requireAdmin } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { readFromFlanks } from "@/lib/connections/flanks-read";
import { listAvailableBanks } from "@/lib/services/connections/list-available-banks";

export const generateMetadata = pageTitle("banks");

const ZQuerySchema = z.object({ q: z.string().trim().max(80).optional().catch(undefined) });

export default async function AdminBanksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const { t } = await getMessages();
  const { q } = ZQuerySchema.parse(await searchParams);
  const banks = await readFromFlanks(() => listAvailableBanks(admin));
  const needle = q?.toLowerCase();
  const shown = banks.ok ? banks.value.filter((bank) => !needle || `${bank.id} ${bank.name} ${bank.cif ?? ""}`.toLowerCase().includes(needle)) : [];
  return (
    <>
      <PageHeader title={t.adminConnections.banksTitle} />
      <FilterBar submitLabel={t.common.search}>
        <TextField id="bank-search" name="q" type="search" label={t.adminConnections.banksSearch} defaultValue={q ?? ""} />
      </FilterBar>
      {!banks.ok ? (
        <Alert tone="error">{interpolate(t.adminConnections.flanksUnavailable, { error: banks.error })}</Alert>
      ) : (
        <DataTable
          caption={t.adminConnections.banksTitle}
          columns={[{ label: "id" }, { label: t.admin.name }, { label: "CIF" }, { label: t.adminConnections.alwaysManual }]}
        >
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
