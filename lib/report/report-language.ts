import { DEFAULT_LOCALE, isLocale, type TLocale } from "@/lib/i18n/locales";

export type TReportLanguage = { locale: TLocale; source: "client" | "advisor" };

/**
 * The report is written in the client's language: the one stored on the client, else the
 * language the advisor works in, else Spanish (the app's default).
 */
export function reportLanguage(clientLanguage: string | null | undefined, advisorLocale: string | null | undefined): TReportLanguage {
  if (isLocale(clientLanguage)) return { locale: clientLanguage, source: "client" };
  return { locale: isLocale(advisorLocale) ? advisorLocale : DEFAULT_LOCALE, source: "advisor" };
}

/** A file name of ASCII letters, digits and dashes: "Carmen Ruiz Núñez" → "carmen-ruiz-nunez". */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "client"
  );
}
