import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import type { TFormState } from "@/lib/actions/form-state";
import type { TActor } from "@/lib/auth/authorization";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { DEFAULT_CONCENTRATION_LIMIT_PCT } from "@/lib/insights/concentration";
import { getConcentrationLimitPct } from "@/lib/services/insights/insight-settings";

/** The settings page's own form for the concentration insights' limit (the page passes its server action in). */
export async function ConcentrationLimitSection({ user, action }: { user: TActor; action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const [{ t }, pct] = await Promise.all([getMessages(), getConcentrationLimitPct(user)]);
  const s = t.insights.settings;
  return (
    <Card title={s.title} className="mt-6">
      <ActionForm action={action} hidden={[]} label={s.save} variant="primary" successText={t.common.saved}>
        {/* Keyed by the saved value, so the field shows it again after a save. */}
        <TextField
          key={pct}
          id="concentration-limit"
          name="concentrationLimitPct"
          label={s.concentrationLimit}
          hint={interpolate(s.concentrationHelp, { pct: DEFAULT_CONCENTRATION_LIMIT_PCT })}
          type="number"
          min={1}
          max={100}
          step={1}
          required
          defaultValue={pct}
          className="max-w-md"
        />
      </ActionForm>
    </Card>
  );
}
