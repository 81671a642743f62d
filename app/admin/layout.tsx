import type { ReactNode } from "react";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { AppShell } from "@/components/layout/app-shell";
import { setLocaleAction } from "@/app/locale-actions";
import { requireAdmin } from "@/lib/auth/current-user";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  // Admin forms show admin notices (translateError) and admin labels.
  return (
    <AppShell user={user} setLocale={setLocaleAction}>
      <I18nScope namespaces={["admin", "adminConnections"]}>{children}</I18nScope>
    </AppShell>
  );
}
