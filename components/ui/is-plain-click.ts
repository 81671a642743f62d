import type { MouseEvent } from "react";

/** A click that opens the link here, as the router would: no modifier, main button, no other target. */
export function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.currentTarget.target;
}
