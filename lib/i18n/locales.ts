export const LOCALES = ["es", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "es";
export const LOCALE_COOKIE = "patrimonio-locale";

/** BCP 47 tags used with Intl: Spanish as written in Spain, English with day-month dates avoided. */
export const INTL_LOCALE: Record<TLocale, string> = { es: "es-ES", en: "en-GB" };

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks the first supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return undefined;
}
