"use client";

import { useActionState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { FormMessage, useFieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";

/** Create and rename share this form; the server answers field errors in the same state shape. */
export function HouseholdNameForm({
  action,
  householdId,
  initialName,
  submitLabel,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  householdId?: string;
  initialName?: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const h = useMessages("households");
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  const errorsOf = useFieldErrors(state);
  const name = state.values?.name ?? initialName ?? "";
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      {householdId ? <input type="hidden" name="householdId" value={householdId} /> : null}
      <TextField
        id={householdId ? "household-rename" : "household-name"}
        name="name"
        label={h.name}
        defaultValue={name}
        errors={errorsOf("name")}
        required
        maxLength={120}
        className="min-w-64 flex-1"
        key={`n-${name}`}
      />
      <SubmitButton label={submitLabel} pendingLabel={t.common.saving} />
      <div className="basis-full">
        <FormMessage state={state} successText={t.common.saved} />
      </div>
    </form>
  );
}
