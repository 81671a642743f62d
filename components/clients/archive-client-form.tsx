"use client";

import { useActionState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";

export function ArchiveClientForm({
  clientId,
  isArchived,
  action,
}: {
  clientId: string;
  isArchived: boolean;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const { t } = useI18n();
  const c = useMessages("clients");
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormMessage state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="archived" value={isArchived ? "0" : "1"} />
      <div>
        <SubmitButton label={isArchived ? c.unarchive : c.archive} pendingLabel={t.common.saving} variant={isArchived ? "primary" : "secondary"} />
      </div>
    </form>
  );
}
