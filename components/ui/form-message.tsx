"use client";

import { useTranslateError } from "@/components/i18n/translate-error";
import type { TFormState } from "@/lib/actions/form-state";
import { Alert } from "./alert";

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ state, successText }: { state: TFormState; successText?: string }) {
  const translate = useTranslateError();
  if (state.status === "error" && state.message) {
    return (
      <Alert tone="error" live>
        {translate(state.message)}
      </Alert>
    );
  }
  if (state.status === "ok" && successText) {
    return (
      <Alert tone="success" live>
        {successText}
      </Alert>
    );
  }
  return null;
}

export function useFieldErrors(state: TFormState) {
  const translate = useTranslateError();
  return (field: string) => state.fieldErrors?.[field]?.map(translate);
}
