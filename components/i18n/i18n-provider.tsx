"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { TCoreMessages, TNamespace } from "@/lib/i18n/client-messages";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";

/** `timeZone`: the firm's (FIRM_TIME_ZONE), read on the server; client components format instants in it. */
type TI18n = { locale: TLocale; timeZone: string; t: Partial<TMessages> };

const I18nContext = createContext<TI18n | null>(null);

/** Nested providers add namespaces to their parent's (the root layout gives the core ones). */
export function I18nProvider({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale?: TLocale;
  timeZone?: string;
  messages: Partial<TMessages>;
  children: ReactNode;
}) {
  const parent = useContext(I18nContext);
  const resolved = locale ?? parent?.locale;
  const zone = timeZone ?? parent?.timeZone;
  if (!resolved || !zone) throw new Error("I18nProvider needs a locale and a time zone at the root");
  const value = useMemo(() => ({ locale: resolved, timeZone: zone, t: { ...parent?.t, ...messages } }), [resolved, zone, parent, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Every namespace provided here; for code that looks a key up in several (translateError). */
export function useContextValue(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

/** The locale and the core strings, available everywhere. */
export function useI18n(): { locale: TLocale; timeZone: string; t: TCoreMessages } {
  const { locale, timeZone, t } = useContextValue();
  return { locale, timeZone, t: t as TCoreMessages };
}

/** A namespace an I18nScope above this component provides; a missing scope fails loudly (and in the e2e tests). */
export function useMessages<K extends TNamespace>(namespace: K): TMessages[K] {
  const messages = useContextValue().t[namespace];
  if (!messages) throw new Error(`i18n namespace "${namespace}" is not provided: wrap the component in <I18nScope namespaces={["${namespace}"]}>`);
  return messages as TMessages[K];
}
