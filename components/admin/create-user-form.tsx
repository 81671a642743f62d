"use client";

import { useActionState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { useTranslateError } from "@/components/i18n/translate-error";
import { FormMessage, useFieldErrors } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";

export function CreateUserForm({ action }: { action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const { t } = useI18n();
  const admin = useMessages("admin");
  const translate = useTranslateError();
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  const errorsOf = useFieldErrors(state);
  // After a success the form starts empty again; after an error it keeps what was typed.
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const formKey = state.status === "ok" ? `ok-${Date.now()}` : "form";
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate key={formKey}>
      <div className="sm:col-span-2">
        <FormMessage state={state} successText={state.message ? translate(state.message) : admin.userCreated} />
      </div>
      <TextField name="name" label={admin.name} defaultValue={values.name ?? ""} errors={errorsOf("name")} required />
      <TextField name="email" type="email" label={admin.email} defaultValue={values.email ?? ""} errors={errorsOf("email")} required autoComplete="off" />
      <SelectField
        name="role"
        label={admin.role}
        defaultValue={values.role ?? "ADVISOR"}
        errors={errorsOf("role")}
        options={[
          { value: "ADVISOR", label: admin.roleAdvisor },
          { value: "ADMIN", label: admin.roleAdmin },
        ]}
      />
      <TextField
        name="password"
        type="password"
        label={admin.newPassword}
        hint={admin.passwordHint}
        errors={errorsOf("password")}
        required
        autoComplete="new-password"
      />
      <div className="sm:col-span-2">
        <SubmitButton label={t.common.create} pendingLabel={t.common.saving} />
      </div>
    </form>
  );
}
