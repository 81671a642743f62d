"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";

export function Providers({ locale, messages, children }: { locale: TLocale; messages: TMessages; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale} messages={messages}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
