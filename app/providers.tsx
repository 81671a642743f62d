"use client";

import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { TCoreMessages } from "@/lib/i18n/client-messages";
import type { TLocale } from "@/lib/i18n/locales";

// Only what every page's client components need: react-query lives with the two components that
// poll (components/query/query-provider.tsx), other namespaces come from an I18nScope.
export function Providers({ locale, timeZone, messages, children }: { locale: TLocale; timeZone: string; messages: TCoreMessages; children: ReactNode }) {
  return (
    <I18nProvider locale={locale} timeZone={timeZone} messages={messages}>
      {children}
    </I18nProvider>
  );
}
