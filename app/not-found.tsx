import { Link } from "@/components/ui/link";
import { getMessages } from "@/lib/i18n/get-locale";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t.common.notFoundTitle}</h1>
      <p className="mt-2 text-slate-700">{t.common.notFoundBody}</p>
      <p className="mt-6">
        <Link href="/clients" className="text-brand-700 underline">
          {t.common.goHome}
        </Link>
      </p>
    </main>
  );
}
