"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { BusyFrame, useDeferredNavigation } from "@/components/ui/deferred-link";
import { isPlainClick } from "@/components/ui/is-plain-click";

export type TClientTab = { href: string; label: string };

/**
 * The client's sections and the section shown; the current tab is marked for assistive technology
 * too. A click marks the chosen tab at once and switches in the next task (see
 * useDeferredNavigation), so the click paints before the router unmounts the (possibly large)
 * current tab. Until the new section arrives, the current one stays, dimmed and aria-busy: the
 * sections have no loading.tsx, because React holds a streamed section behind its skeleton for at
 * least 300 ms (docs/decisions/037-no-skeletons-for-fast-pages.md).
 */
export function ClientTabs({ tabs, label, children }: { tabs: TClientTab[]; label: string; children: ReactNode }) {
  const pathname = usePathname();
  const { isBusy, target, navigate } = useDeferredNavigation({ scroll: true });
  const current = [...tabs].sort((a, b) => b.href.length - a.href.length).find((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`));
  const shown = (target && tabs.find((tab) => tab.href === target)) || current;
  return (
    <>
      <nav aria-label={label} aria-busy={isBusy || undefined} className="mb-6 overflow-x-auto border-b border-slate-200 print:hidden">
        <ul className="flex min-w-max gap-1">
          {tabs.map((tab) => {
            const isCurrent = tab === current;
            return (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={isCurrent ? "page" : undefined}
                  onClick={(event) => {
                    if (!isPlainClick(event) || isCurrent) return;
                    event.preventDefault();
                    navigate(tab.href);
                  }}
                  className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${tab === shown ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"}`}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <BusyFrame isBusy={isBusy}>{children}</BusyFrame>
    </>
  );
}
