import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getUserSettings } from "@/lib/services/users/get-user-settings";
import { ConcentrationLimitSection } from "@/components/insights/concentration-limit-section";
import { setBaseCurrencyAction, setConcentrationLimitAction } from "./actions";

export const generateMetadata = pageTitle("settings");

/** The signed-in user's own settings: the base currency of one-figure totals, the insights' concentration limit. */
export default async function SettingsPage() {
  const user = await requireUser();
  const { t } = await getMessages();
  const s = t.fx.settings;
  const settings = await getUserSettings(user);
  const firm = getEnv().BASE_CURRENCY;
  return (
    <>
      <PageHeader title={s.title} />
      <Card title={s.baseCurrency}>
        <p id="base-currency-help" className="-mt-2 mb-4 max-w-2xl text-sm text-slate-700">
          {interpolate(s.baseCurrencyHelp, { currency: firm })}
        </p>
        <ActionForm action={setBaseCurrencyAction} hidden={[]} label={s.save} variant="primary" successText={t.common.saved}>
          {/* Keyed by the saved value: after a save the page re-renders and the select is mounted again showing it. */}
          <SelectField
            key={settings.baseCurrency ?? ""}
            id="base-currency"
            name="baseCurrency"
            label={s.baseCurrency}
            defaultValue={settings.baseCurrency ?? ""}
            options={[
              { value: "", label: interpolate(s.firmDefault, { currency: firm }) },
              ...settings.currencies.map((code) => ({ value: code, label: code })),
            ]}
          />
        </ActionForm>
      </Card>
      <ConcentrationLimitSection user={user} action={setConcentrationLimitAction} />
    </>
  );
}
