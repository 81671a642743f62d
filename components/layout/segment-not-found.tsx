import { ButtonLink } from "@/components/ui/button";
import { getMessages } from "@/lib/i18n/get-locale";

/** Shown alike for a missing page and for something the user may not see. */
export async function SegmentNotFound() {
  const { t } = await getMessages();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-xl font-semibold">{t.common.notFoundTitle}</h1>
      <p className="mt-2 text-sm text-slate-700">{t.common.notFoundBody}</p>
      <div className="mt-4">
        <ButtonLink href="/clients" variant="secondary">
          {t.common.goHome}
        </ButtonLink>
      </div>
    </div>
  );
}
