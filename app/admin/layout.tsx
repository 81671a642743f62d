import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireAdmin } from "@/lib/auth/current-user";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return <AppShell user={user}>{children}</AppShell>;
}
