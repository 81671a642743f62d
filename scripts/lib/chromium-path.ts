import { existsSync } from "node:fs";

/**
 * The browser the end-to-end tests drive: CHROMIUM_PATH, else Debian's chromium-headless-shell, else Debian's chromium.
 * The headless shell is what Playwright itself runs headless; the full browser in its new headless mode cost a quarter
 * more CPU on e2e/wealth.spec.ts (46 against 35 CPU-seconds), most of it in its browser process.
 */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium";
}
