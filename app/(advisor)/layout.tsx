import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { setLocaleAction } from "@/app/locale-actions";
import { requireUser } from "@/lib/auth/current-user";

export default async function AdvisorLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} setLocale={setLocaleAction}>
      {children}
    </AppShell>
  );
}
