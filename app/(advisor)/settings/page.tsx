import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getUserSettings } from "@/lib/services/users/get-user-settings";
import { getBaseCurrency } from "@/lib/services/fx/get-base-currency";
import { getReviewThresholds } from "@/lib/services/reviews/review-thresholds";
import { toDecimalString } from "@/lib/money/money";
import { ConcentrationLimitSection } from "@/components/insights/concentration-limit-section";
import { setBaseCurrencyAction, setConcentrationLimitAction, setReviewThresholdsAction } from "./actions";

export const generateMetadata = pageTitle("settings");

/** The signed-in user's own settings: the base currency of one-figure totals, and the thresholds of "since your last review", the insights' concentration limit. */
export default async function SettingsPage() {
  const user = await requireUser();
  const { t } = await getMessages();
  const s = t.fx.settings;
  const [settings, thresholds, base] = await Promise.all([getUserSettings(user), getReviewThresholds(user), getBaseCurrency(user)]);
  const r = t.review.settings;
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
      <Card title={r.title}>
        <p className="-mt-2 mb-4 max-w-2xl text-sm text-slate-700">{interpolate(r.help, { currency: base })}</p>
        <ActionForm action={setReviewThresholdsAction} hidden={[]} label={s.save} variant="primary" successText={t.common.saved}>
          {/* Keyed by the saved values, like the select above: after a save the fields show what was stored. */}
          <TextField
            key={`p${thresholds.positionChangePercent}`}
            id="review-position-percent"
            name="positionChangePercent"
            label={r.positionChangePercent}
            type="number"
            min={1}
            max={100}
            step={1}
            required
            defaultValue={String(thresholds.positionChangePercent)}
          />
          <TextField
            key={`m${thresholds.largeMovement.minor}${thresholds.largeMovement.currency}`}
            id="review-large-movement"
            name="largeMovement"
            label={interpolate(r.largeMovement, { currency: base })}
            inputMode="decimal"
            required
            defaultValue={toDecimalString(thresholds.largeMovement)}
          />
        </ActionForm>
      </Card>
      <ConcentrationLimitSection user={user} action={setConcentrationLimitAction} />
    </>
  );
}
