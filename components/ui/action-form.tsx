"use client";

import { useActionState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTranslateError } from "@/components/i18n/translate-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";
import type { TButtonVariant } from "./button";

type TField = { name: string; value: string };

/**
 * A one-button form for a server action (disable, restore, reassign…): hidden fields, optional
 * visible controls passed as children, and the action's outcome announced beside it.
 */
export function ActionForm({
  action,
  hidden,
  label,
  variant = "secondary",
  children,
  successText,
  confirmText,
  className = "",
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  hidden: TField[];
  label: string;
  variant?: TButtonVariant;
  children?: ReactNode;
  successText?: string;
  confirmText?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const translate = useTranslateError();
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  const fieldErrors = Object.values(state.fieldErrors ?? {})
    .flat()
    .map(translate);
  const success = state.status === "ok" ? (state.message ? translate(state.message) : successText) : undefined;
  return (
    <form
      action={formAction}
      className={`flex flex-wrap items-end gap-2 ${className}`}
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      {hidden.map((field) => (
        <input key={field.name} type="hidden" name={field.name} value={field.value} />
      ))}
      {children}
      <SubmitButton label={label} pendingLabel={t.common.saving} variant={variant} />
      <div className="basis-full">
        <FormMessage state={state.status === "ok" ? { status: "ok" } : state} successText={success} />
        {fieldErrors.length ? <p className="mt-1 text-sm text-red-800">{fieldErrors.join(" ")}</p> : null}
      </div>
    </form>
  );
}
