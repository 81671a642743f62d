"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { useRef, type ComponentProps, type MouseEvent } from "react";
import { noteNavigationStart } from "./navigation-progress";

type TProps = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/**
 * next/link, prefetching on intent (pointer over, focus, touch) instead of on entering the
 * viewport. Every page here is dynamic (the per-request CSP nonce, decision 002), so a viewport
 * prefetch is one server render per visible link: the client list sent about 15 of them per page
 * view, and the browser parsed each answer on the main thread while the page was becoming
 * interactive (docs/decisions/033). `prefetch` passes through when a caller sets it.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, onClick, ...props }: TProps) {
  const router = useRouter();
  const prefetched = useRef(false);
  // The caller's handler first: a deferred link prevents the default and shows its own busy state.
  const onClickThenNote = (event: MouseEvent<HTMLAnchorElement>) => (onClick?.(event), noteNavigationStart(event));
  if (prefetch !== undefined)
    return <NextLink prefetch={prefetch} onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart} onClick={onClickThenNote} {...props} />;
  const prefetchOnce = () => {
    if (prefetched.current) return;
    prefetched.current = true;
    // When the main thread is idle: the router's first prefetch costs ~70 ms of main thread at CPU
    // ×4. Run inside pointer-over, it delayed the click that followed; in a timer task it still
    // could run just before a quick click's pointerdown. (Safari has no requestIdleCallback.)
    const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 0));
    whenIdle(() => router.prefetch(props.href));
  };
  return (
    <NextLink
      prefetch={false}
      onMouseEnter={(event) => (prefetchOnce(), onMouseEnter?.(event))}
      onFocus={(event) => (prefetchOnce(), onFocus?.(event))}
      onTouchStart={(event) => (prefetchOnce(), onTouchStart?.(event))}
      onClick={onClickThenNote}
      {...props}
    />
  );
}
