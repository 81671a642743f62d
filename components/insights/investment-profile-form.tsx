import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/select-field";
import type { TFormState } from "@/lib/actions/form-state";
import { formatDate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { emptyFamilies } from "@/lib/insights/investment-profile";
import type { TProfileField } from "@/lib/insights/mifid-prefill";
import { PRODUCT_FAMILIES, type TProductFamily } from "@/lib/insights/product-families";
import type { TInvestmentProfilePage } from "@/lib/services/insights/get-investment-profile";

/** The profile page: the MiFID suggestions with the answers behind them, then the form (saved profile, else the suggestion). */
export async function InvestmentProfileForm({
  page,
  action,
}: {
  page: TInvestmentProfilePage;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const { locale, t } = await getMessages();
  const p = t.insights.profile;
  const shown = page.saved?.profile ?? page.prefill.profile ?? { riskLevel: 1, families: emptyFamilies() };
  const riskLevels = p.riskLevels as Record<string, string>;
  return (
    <div className="flex flex-col gap-6">
      <Card title={p.title}>
        <p className="-mt-2 mb-2 max-w-3xl text-sm text-slate-700">{p.intro}</p>
        <p className="mb-4 text-sm text-slate-800" data-testid="profile-state">
          {page.saved ? interpolate(p.recorded, { date: formatDate(page.saved.updatedAt, locale, firmTimeZone()) }) : p.notRecorded}
        </p>
        {/* Keyed by the saved time: after a save the form is mounted again with the stored values. */}
        <ActionForm
          key={page.saved?.updatedAt.toISOString() ?? "prefill"}
          action={action}
          hidden={[{ name: "clientId", value: page.clientId }]}
          label={p.save}
          variant="primary"
          successText={t.common.saved}
          className="flex-col !items-start"
        >
          <SelectField
            id="risk-level"
            name="riskLevel"
            label={p.riskLevel}
            defaultValue={String(shown.riskLevel)}
            options={Object.keys(riskLevels).map((level) => ({ value: level, label: riskLevels[level]! }))}
          />
          <DataTable
            caption={p.title}
            columns={[{ label: p.family }, { label: p.knowledge, align: "right" }, { label: p.experience, align: "right" }]}
            bodyTestId="profile-families"
            isFramed={false}
          >
            {PRODUCT_FAMILIES.map((family) => (
              <tr key={family}>
                <th scope="row" className="py-1.5 pr-6 text-left font-normal">
                  {capitalized(t.insights.families[family])}
                </th>
                {(["knowledge", "experience"] as const).map((aspect) => (
                  <td key={aspect} className="py-1.5 pr-6 text-right">
                    <input
                      type="checkbox"
                      name={`${family}.${aspect}`}
                      aria-label={`${t.insights.families[family]}: ${aspect === "knowledge" ? p.knowledge : p.experience}`}
                      defaultChecked={shown.families[family][aspect]}
                      className="h-4 w-4"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        </ActionForm>
      </Card>
      <Card title={p.suggestionsTitle}>
        <p className="-mt-2 mb-3 text-sm text-slate-700">{page.prefill.suggestions.length > 0 ? p.suggestionsNote : p.suggestionsEmpty}</p>
        {page.prefill.suggestions.length > 0 ? (
          <DataTable
            caption={p.suggestionsTitle}
            columns={[{ label: p.field }, { label: p.value }, { label: p.answer }]}
            bodyTestId="profile-suggestions"
            isFramed={false}
          >
            {page.prefill.suggestions.map((suggestion, index) => (
              <tr key={`${suggestion.field}:${index}`}>
                <td className="py-1.5 pr-4">{fieldLabel(suggestion.field, t)}</td>
                <td className="py-1.5 pr-4">
                  {typeof suggestion.value === "number"
                    ? `${suggestion.isCap ? "≤ " : ""}${riskLevels[String(suggestion.value)] ?? suggestion.value}`
                    : suggestion.value
                      ? p.yes
                      : p.no}
                </td>
                <td className="py-1.5 pr-4 text-slate-700">
                  {suggestion.bank}: «{suggestion.question}» → «{suggestion.answer}»
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </div>
  );
}

function fieldLabel(field: TProfileField, t: TMessages): string {
  const p = t.insights.profile;
  if (field === "riskLevel") return p.riskLevel;
  const [family, aspect] = field.split(".") as [TProductFamily, "knowledge" | "experience"];
  return `${capitalized(t.insights.families[family])}: ${aspect === "knowledge" ? p.knowledge : p.experience}`;
}

/** Family names are written for the middle of a sentence ("held in bonds"); a row or a label starts with a capital. */
function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
