import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { LanguageSwitch, type TSetLocale } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function AppShell({ user, setLocale, children }: { user: TSessionUser; setLocale: TSetLocale; children: ReactNode }) {
  const { t } = await getMessages();
  const links = [
    { href: "/", label: t.fx.nav.book },
    { href: "/clients", label: t.nav.clients },
    { href: "/households", label: t.nav.households },
    { href: "/inbox", label: t.nav.inbox },
    { href: "/settings", label: t.fx.nav.settings },
  ];
  if (user.role === "ADMIN") {
    links.push(
      { href: "/admin/users", label: t.nav.users },
      { href: "/admin/clients", label: t.nav.allClients },
      { href: "/admin/connections", label: t.nav.connections },
      { href: "/admin/reconcile", label: t.nav.reconcile },
      { href: "/admin/set-aside", label: t.adminConnections.setAsideNav },
      { href: "/admin/banks", label: t.nav.banks },
      { href: "/admin/audit", label: t.nav.audit },
    );
  }
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/clients" className="text-lg font-bold text-brand-700">
              {t.app.name}
            </Link>
            <nav aria-label={t.nav.mainNav}>
              <ul className="flex flex-wrap gap-1">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="rounded px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitch setLocale={setLocale} />
            <span className="text-sm text-slate-700" data-testid="current-user">
              {user.name}
            </span>
            <SignOutButton label={t.nav.signOut} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
