import { redirect } from "next/navigation";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { setLocaleAction } from "@/app/locale-actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { getEnv } from "@/lib/env";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { LoginForm } from "./login-form";

export const generateMetadata = pageTitle("login");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: TProps) {
  if (await getCurrentUser()) redirect("/");
  const params = await searchParams;
  const { t } = await getMessages();
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const showDemo = getEnv().isSandboxMode;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex justify-end">
        <LanguageSwitch setLocale={setLocaleAction} />
      </div>
      <div>
        <p className="text-2xl font-bold text-brand-700">{t.app.name}</p>
        <p className="mt-1 text-sm text-slate-700">{t.app.tagline}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t.login.title}</h1>
        <I18nScope namespaces={["login"]}>
          <LoginForm callbackUrl={callbackUrl} initialNotice={params.expired ? t.login.expired : undefined} />
        </I18nScope>
      </section>
      {showDemo ? (
        <section className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" aria-labelledby="demo-title">
          <h2 id="demo-title" className="font-semibold">
            {t.login.demoTitle}
          </h2>
          <ul className="mt-2 space-y-1">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <span className="font-mono">{account.email}</span> · {t.login.demoPassword} <span className="font-mono">{account.password}</span> (
                {account.role === "ADMIN" ? t.admin.roleAdmin : t.admin.roleAdvisor})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
