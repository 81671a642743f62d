import type { TMessages } from "./messages";

/**
 * What the root layout sends to the browser on every page: the strings of the shared form and
 * error components. Everything else reaches client components through an I18nScope (a namespace
 * for the subtree that needs it) or as props, so a page ships only the strings its islands use.
 */
export const CORE_NAMESPACES = ["common", "errors"] as const;
export type TNamespace = keyof TMessages;
export type TCoreMessages = Pick<TMessages, (typeof CORE_NAMESPACES)[number]>;

export function pickMessages<K extends TNamespace>(t: TMessages, namespaces: readonly K[]): Pick<TMessages, K> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, t[namespace]])) as Pick<TMessages, K>;
}
