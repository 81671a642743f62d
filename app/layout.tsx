import type { Metadata, Viewport } from "next";
import { Suspense, type ReactNode } from "react";
import { NavigationProgress } from "@/components/ui/navigation-progress";
import { CORE_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { getMessages } from "@/lib/i18n/get-locale";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Patrimonio", template: "%s · Patrimonio" },
  description: "Wealth dashboard for advisors",
  robots: { index: false, follow: false },
  // The files live in public/ (a browser asks for /favicon.ico whatever the page says).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#065f46" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the locale (cookies) makes every page dynamic, which the per-request CSP nonce needs.
  const { locale, t } = await getMessages();
  return (
    <html lang={INTL_LOCALE[locale]}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t.app.skipToContent}
        </a>
        <Providers locale={locale} timeZone={firmTimeZone()} messages={pickMessages(t, CORE_NAMESPACES)}>
          {/* useSearchParams: outside a Suspense boundary a statically rendered page would fail the build. */}
          <Suspense fallback={null}>
            <NavigationProgress />
          </Suspense>
          {children}
        </Providers>
      </body>
    </html>
  );
}
