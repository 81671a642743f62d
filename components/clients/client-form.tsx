"use client";

import { useActionState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { FormMessage, useFieldErrors } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";

type TClientValues = { clientId?: string; displayName: string; contactEmail: string; externalRef: string | null; language: string | null };

/** New and edit share this form; the server answers field errors in the same state shape. */
export function ClientForm({
  action,
  initial,
  submitLabel,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  initial?: TClientValues;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const c = useMessages("clients");
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  const errorsOf = useFieldErrors(state);
  const value = (field: keyof TClientValues) => state.values?.[field] ?? initial?.[field] ?? "";
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} successText={t.common.saved} />
      {initial?.clientId ? <input type="hidden" name="clientId" value={initial.clientId} /> : null}
      <TextField
        name="displayName"
        label={c.displayName}
        defaultValue={value("displayName")}
        errors={errorsOf("displayName")}
        required
        maxLength={200}
        key={`n-${state.values?.displayName ?? initial?.displayName}`}
      />
      <TextField
        name="contactEmail"
        type="email"
        label={c.contactEmail}
        defaultValue={value("contactEmail")}
        errors={errorsOf("contactEmail")}
        required
        key={`e-${state.values?.contactEmail ?? initial?.contactEmail}`}
      />
      <TextField
        name="externalRef"
        label={c.externalRef}
        hint={c.externalRefHint}
        defaultValue={value("externalRef")}
        errors={errorsOf("externalRef")}
        key={`r-${state.values?.externalRef ?? initial?.externalRef}`}
      />
      <SelectField
        name="language"
        label={c.language}
        options={[
          { value: "", label: c.languageNotSet },
          { value: "es", label: "Español" },
          { value: "en", label: "English" },
        ]}
        defaultValue={value("language")}
        errors={errorsOf("language")}
        key={`l-${state.values?.language ?? initial?.language}`}
      />
      <div>
        <SubmitButton label={submitLabel} pendingLabel={t.common.saving} />
      </div>
    </form>
  );
}
