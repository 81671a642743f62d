"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { consentAction, type TConsentState } from "./actions";

type TConsentLabels = { consentRequired: string; invalidBody: string; rateLimited: string; continue: string; pending: string };

export function ConsentForm({ token, consentText, labels }: { token: string; consentText: string; labels: TConsentLabels }) {
  const [state, formAction] = useActionState<TConsentState, FormData>(consentAction, {});
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <Alert tone="error" live>
          {state.error === "consentRequired" ? labels.consentRequired : state.error === "rateLimited" ? labels.rateLimited : labels.invalidBody}
        </Alert>
      ) : null}
      <label className="flex items-start gap-3 text-sm text-slate-900">
        <input type="checkbox" name="consent" value="yes" className="mt-1 h-5 w-5" aria-invalid={state.error === "consentRequired" ? true : undefined} />
        <span>{consentText}</span>
      </label>
      <div>
        <SubmitButton label={labels.continue} pendingLabel={labels.pending} />
      </div>
    </form>
  );
}
