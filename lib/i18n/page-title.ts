import "server-only";
import type { Metadata } from "next";
import { getMessages } from "./get-locale";
import type { TMessages } from "./messages";

export type TPageTitle = keyof TMessages["pageTitles"];

/**
 * A page's `generateMetadata`: its browser-tab title in the reader's language (Spanish by default),
 * the same language as the page, from the message files. `extra` carries the page's other metadata.
 */
export function pageTitle(key: TPageTitle, extra: Omit<Metadata, "title"> = {}): () => Promise<Metadata> {
  return async function generateMetadata() {
    const { t } = await getMessages();
    return { ...extra, title: t.pageTitles[key] };
  };
}
