import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { setLocaleAction } from "@/app/locale-actions";
import { getEnv } from "@/lib/env";

/** End users have no account: a plain, phone-friendly frame with the language switch. */
export default async function ConnectLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-bold text-brand-700">{getEnv().FIRM_NAME}</p>
          <LanguageSwitch setLocale={setLocaleAction} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
