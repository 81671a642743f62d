"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useState, useTransition, type ComponentProps, type MouseEvent, type ReactNode } from "react";

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

export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.currentTarget.target;
}

const NavigateContext = createContext<((href: string) => void) | null>(null);

/** A region (a sortable, paged table) whose RegionLinks dim it and set aria-busy until the new page renders. */
export function BusyRegion({ children }: { children: ReactNode }) {
  const { isBusy, navigate } = useDeferredNavigation({ scroll: false });
  return (
    <NavigateContext.Provider value={navigate}>
      <div aria-busy={isBusy || undefined} className={isBusy ? "opacity-60 transition-opacity" : undefined}>
        {children}
      </div>
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
