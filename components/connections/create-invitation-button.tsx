"use client";

import { useActionState, useState } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE_FORM_STATE, type TFormState } from "@/lib/actions/form-state";
import { formatDate } from "@/lib/i18n/format";
import { interpolate } from "@/lib/i18n/messages";

/** The server action that creates an invitation; pages pass it in (components do not import app/). */
export type TCreateInvitationAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** Creates an invitation and shows its link once, to copy or send by email. */
export function CreateInvitationButton({
  action,
  clientId,
  purpose,
  connectionId,
  label,
  firmName,
}: {
  action: TCreateInvitationAction;
  clientId: string;
  purpose: "CONNECT" | "SCA" | "RESET";
  connectionId?: string;
  label: string;
  firmName: string;
}) {
  const { t, locale, timeZone } = useI18n();
  const m = useMessages("invitations");
  const [state, formAction] = useActionState(action, IDLE_FORM_STATE);
  const [isCopied, setIsCopied] = useState(false);
  const url = state.status === "ok" ? state.values?.url : undefined;
  const expires = state.values?.expiresAt ? formatDate(state.values.expiresAt, locale, timeZone) : "";
  const inputId = `invitation-link-${purpose}-${connectionId ?? clientId}`;
  return (
    <div className="flex flex-col gap-3">
      <form action={formAction}>
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="purpose" value={purpose} />
        {connectionId ? <input type="hidden" name="connectionId" value={connectionId} /> : null}
        <SubmitButton label={label} pendingLabel={t.common.saving} variant={purpose === "CONNECT" ? "primary" : "secondary"} />
      </form>
      <FormMessage state={state.status === "error" ? state : IDLE_FORM_STATE} />
      {url ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950" role="status">
          <p className="font-semibold">{m.createdTitle}</p>
          <p className="mt-1">{interpolate(m.createdHint, { date: expires })}</p>
          <label htmlFor={inputId} className="mt-2 block font-medium">
            {m.linkLabel}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id={inputId}
              readOnly
              value={url}
              className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs"
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-3 py-1 font-semibold text-slate-900 hover:bg-slate-100"
              onClick={async () => {
                await navigator.clipboard?.writeText(url).catch(() => undefined);
                setIsCopied(true);
              }}
            >
              {isCopied ? m.copied : m.copy}
            </button>
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-1 font-semibold text-slate-900 hover:bg-slate-100"
              href={`mailto:?subject=${encodeURIComponent(interpolate(m.emailSubject, { firm: firmName }))}&body=${encodeURIComponent(interpolate(m.emailBody, { url, date: expires }))}`}
            >
              {m.email}
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
