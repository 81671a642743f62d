"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button, ButtonLink } from "@/components/ui/button";

/** The error state of a signed-in section: what happened, retry, and a way back. */
export function SegmentError({ reset }: { reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-8">
      <h1 className="text-xl font-semibold">{t.common.errorTitle}</h1>
      <p className="mt-2 text-sm text-slate-700">{t.common.errorBody}</p>
      <div className="mt-4 flex gap-2">
        <Button onClick={reset}>{t.common.retry}</Button>
        <ButtonLink href="/clients" variant="secondary">
          {t.common.goHome}
        </ButtonLink>
      </div>
    </div>
  );
}
