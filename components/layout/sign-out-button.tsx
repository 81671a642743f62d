"use client";

import { signOut } from "next-auth/react";
import { useI18n } from "@/components/i18n/i18n-provider";

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-200">
      {t.nav.signOut}
    </button>
  );
}
