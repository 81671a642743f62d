"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { TCoreMessages, TNamespace } from "@/lib/i18n/client-messages";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";

type TI18n = { locale: TLocale; t: Partial<TMessages> };

const I18nContext = createContext<TI18n | null>(null);

/** Nested providers add namespaces to their parent's (the root layout gives the core ones). */
export function I18nProvider({ locale, messages, children }: { locale?: TLocale; messages: Partial<TMessages>; children: ReactNode }) {
  const parent = useContext(I18nContext);
  const resolved = locale ?? parent?.locale;
  if (!resolved) throw new Error("I18nProvider needs a locale at the root");
  const value = useMemo(() => ({ locale: resolved, t: { ...parent?.t, ...messages } }), [resolved, parent, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Every namespace provided here; for code that looks a key up in several (translateError). */
export function useContextValue(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

/** The locale and the core strings, available everywhere. */
export function useI18n(): { locale: TLocale; t: TCoreMessages } {
  const { locale, t } = useContextValue();
  return { locale, t: t as TCoreMessages };
}

/** A namespace an I18nScope above this component provides; a missing scope fails loudly (and in the e2e tests). */
export function useMessages<K extends TNamespace>(namespace: K): TMessages[K] {
  const messages = useContextValue().t[namespace];
  if (!messages) throw new Error(`i18n namespace "${namespace}" is not provided: wrap the component in <I18nScope namespaces={["${namespace}"]}>`);
  return messages as TMessages[K];
}
