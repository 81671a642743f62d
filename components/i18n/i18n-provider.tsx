"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";

type TI18n = { locale: TLocale; t: TMessages };

const I18nContext = createContext<TI18n | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: TLocale; messages: TMessages; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: messages }}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
