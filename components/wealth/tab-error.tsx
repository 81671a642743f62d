"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** The error boundary of every wealth tab: the client header and tabs stay, this section offers a retry. */
export function WealthTabError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-6 py-8 text-center">
      <h2 className="text-lg font-semibold text-red-950">{t.common.sectionErrorTitle}</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-red-950">{t.common.sectionErrorBody}</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-red-800 px-4 py-2 text-sm font-semibold text-white hover:bg-red-900">
        {t.common.retry}
      </button>
    </div>
  );
}
