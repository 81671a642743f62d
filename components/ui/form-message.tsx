"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { translateError } from "@/components/i18n/translate-error";
import type { TFormState } from "@/lib/actions/form-state";
import { Alert } from "./alert";

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ state, successText }: { state: TFormState; successText?: string }) {
  const { t } = useI18n();
  if (state.status === "error" && state.message) {
    return (
      <Alert tone="error" live>
        {translateError(t, state.message)}
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
  const { t } = useI18n();
  return (field: string) => state.fieldErrors?.[field]?.map((key) => translateError(t, key));
}
