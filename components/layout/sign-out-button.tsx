"use client";

import { signOutTo } from "@/components/auth/auth-client";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOutTo("/login")} className="rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-200">
      {label}
    </button>
  );
}
