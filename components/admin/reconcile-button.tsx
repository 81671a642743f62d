"use client";

import { useActionState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";
import { interpolate } from "@/lib/i18n/messages";

export function ReconcileButton({ action }: { action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const { t } = useI18n();
  const a = useMessages("adminConnections");
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <div>
        <SubmitButton label={a.reconcileRun} pendingLabel={t.common.loading} />
      </div>
      {state.status === "ok" ? (
        <Alert tone="success" live>
          {interpolate(a.reconcileResult, {
            exchanged: state.values?.exchanged ?? "0",
            orphans: state.values?.orphans ?? "0",
            refused: state.values?.refused ?? "0",
          })}
        </Alert>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
