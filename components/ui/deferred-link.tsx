"use client";

import { Link } from "@/components/ui/link";
import { isPlainClick } from "./is-plain-click";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition, type ComponentProps, type ReactNode } from "react";

/**
 * Navigation that paints first. A plain <Link> runs the router's work (and, with a prefetched
 * loading.tsx, the swap of a large table for its skeleton) inside the click, so the click's next
 * frame waits for it (INP). Here the click itself does no React work at all (a state update in a
 * discrete event would force any not-yet-hydrated part of the page to hydrate synchronously
 * first); right after that frame, the target is marked busy (dimmed, aria-busy) and the router
 * starts in a transition, the old content staying until the new one arrives. Links stay real
 * <a href> elements (prefetched, usable without JavaScript, modifier-clicks untouched).
 */
export function useDeferredNavigation({ scroll }: { scroll: boolean }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [target, setTarget] = useState<string | null>(null);
  const navigate = (href: string) => {
    requestAnimationFrame(() =>
      setTimeout(() => {
        setTarget(href);
        startTransition(() => router.push(href, { scroll }));
      }),
    );
  };
  return { isBusy: isPending, target: isPending ? target : null, navigate };
}

const NavigateContext = createContext<((href: string) => void) | null>(null);

/** Content being replaced by a navigation in progress: it stays, dimmed and aria-busy, until the new content renders. */
export function BusyFrame({ isBusy, children }: { isBusy: boolean; children: ReactNode }) {
  return (
    <div aria-busy={isBusy || undefined} className={isBusy ? "opacity-60 transition-opacity" : undefined}>
      {children}
    </div>
  );
}

/** A region (a sortable, paged table) whose RegionLinks dim it and set aria-busy until the new page renders. */
export function BusyRegion({ children }: { children: ReactNode }) {
  const { isBusy, navigate } = useDeferredNavigation({ scroll: false });
  return (
    <NavigateContext.Provider value={navigate}>
      <BusyFrame isBusy={isBusy}>{children}</BusyFrame>
    </NavigateContext.Provider>
  );
}

export function RegionLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href" | "onClick"> & { href: string }) {
  const navigate = useContext(NavigateContext);
  return (
    <Link
      href={href}
      {...props}
      onClick={(event) => {
        if (!navigate || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}
