"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useSyncExternalStore, type MouseEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { isPlainClick } from "./is-plain-click";

// One navigation at a time in a tab: a module-level flag, shared by every Link and the one bar.
let isNavigating = false;
const listeners = new Set<() => void>();
const setNavigating = (value: boolean) => {
  if (isNavigating === value) return;
  isNavigating = value;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Called by Link on a click the router will handle: a plain click, not handled by the caller
 * (deferred links show their own busy state), to another page of this app.
 */
export function noteNavigationStart(event: MouseEvent<HTMLAnchorElement>): void {
  const anchor = event.currentTarget;
  if (event.defaultPrevented || !isPlainClick(event) || anchor.hasAttribute("download")) return;
  const to = new URL(anchor.href, location.href);
  if (to.origin !== location.origin || (to.pathname === location.pathname && to.search === location.search)) return;
  setNavigating(true);
}

/**
 * A thin bar at the top while the router fetches the next page. Pages have no loading.tsx
 * skeletons (docs/decisions/037): the current page stays until the next one is ready, usually
 * within ~150 ms, so the bar fades in only after 150 ms and fast navigations show nothing. It
 * ends when the URL the router shows changes (or after 15 s, should a navigation never land).
 */
export function NavigationProgress() {
  const { t } = useI18n();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const pending = useSyncExternalStore(
    subscribe,
    () => isNavigating,
    () => false,
  );
  useEffect(() => setNavigating(false), [pathname, search]);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setNavigating(false), 15_000);
    return () => clearTimeout(timer);
  }, [pending]);
  return (
    // A live region without role="status": pages keep theirs for their own messages ("Saved.").
    <div aria-live="polite" data-testid="navigation-progress" className="pointer-events-none fixed inset-x-0 top-0 z-50">
      <div aria-hidden="true" className={`h-1 bg-brand-700 transition-opacity duration-200 ${pending ? "animate-pulse opacity-100 delay-150" : "opacity-0"}`} />
      <span className="sr-only">{pending ? t.common.loading : ""}</span>
    </div>
  );
}
