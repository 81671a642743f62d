import { HouseholdNameForm } from "@/components/households/household-name-form";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ConvertedAmount } from "@/components/wealth/converted-amount";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { listHouseholdsWithWealth } from "@/lib/services/households/list-households-with-wealth";
import { createHouseholdAction } from "./actions";

export const generateMetadata = pageTitle("households");

export default async function HouseholdsPage() {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const h = t.households;
  const [households, baseCurrency] = await Promise.all([listHouseholdsWithWealth(user), getBaseCurrency(user)]);
  const isAdmin = user.role === "ADMIN";
  return (
    <>
      <PageHeader title={h.title} description={h.intro} />
      {isAdmin ? null : (
        <div className="mb-6">
          <Card title={h.new}>
            <I18nScope namespaces={["households"]}>
              <HouseholdNameForm action={createHouseholdAction} submitLabel={t.common.create} />
            </I18nScope>
          </Card>
        </div>
      )}
      {households.length === 0 ? (
        <EmptyState title={h.title} body={isAdmin ? h.emptyAdmin : h.empty} />
      ) : (
        <DataTable
          caption={h.listCaption}
          columns={[
            { label: h.name },
            { label: h.members },
            ...(isAdmin ? [{ label: h.advisor }] : []),
            { label: interpolate(t.fx.clientList.netInBase, { currency: baseCurrency }), align: "right" as const },
          ]}
          testId="household-list"
        >
          {households.map((household) => (
            <tr key={household.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <Link href={`/households/${household.id}`} className="text-brand-700 underline">
                  {household.name}
                </Link>
              </th>
              <td className="px-4 py-3 text-slate-800">
                {household.members.length === 0 ? (
                  <span className="text-slate-600">{h.noMembers}</span>
                ) : (
                  household.members.map((member) => `${member.displayName} (${h.roles[member.role]})`).join(" · ")
                )}
              </td>
              {isAdmin ? <td className="px-4 py-3 text-slate-800">{household.advisorName}</td> : null}
              <td className="tabular px-4 py-3 text-right font-medium" data-testid="household-net-base">
                {household.net === null ? (
                  <span className="font-normal text-slate-700">{t.common.none}</span>
                ) : (
                  <ConvertedAmount value={household.net} locale={locale} t={t} />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
