import { getMessages } from "@/lib/i18n/get-locale";
import { LOCALES } from "@/lib/i18n/locales";

const NAMES = { es: "Español", en: "English" } as const;

/** The server action that stores the chosen locale: passed in by the page, since components sit below app/ and do not import it. */
export type TSetLocale = (formData: FormData) => Promise<void>;

/** Plain forms: switching language works before any JavaScript has loaded. */
export async function LanguageSwitch({ setLocale }: { setLocale: TSetLocale }) {
  const { locale, t } = await getMessages();
  return (
    <nav aria-label={t.nav.language} className="flex items-center gap-1 text-sm">
      {LOCALES.map((code) => (
        <form key={code} action={setLocale}>
          <input type="hidden" name="locale" value={code} />
          <button
            type="submit"
            lang={code}
            aria-current={code === locale ? "true" : undefined}
            className={`rounded px-2 py-1 ${code === locale ? "bg-slate-200 font-semibold text-slate-900" : "text-slate-700 underline-offset-2 hover:underline"}`}
          >
            {NAMES[code]}
          </button>
        </form>
      ))}
    </nav>
  );
}
