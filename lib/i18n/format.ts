import { INTL_LOCALE, type TLocale } from "./locales";
import { toDecimalString, type TMoney } from "@/lib/money/money";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: TLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: TLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

/** Always with its currency; exact (Intl formats the decimal string, not a float). */
export function formatMoney(amount: TMoney, locale: TLocale): string {
  // Intl accepts exact decimal strings at run time; its TypeScript signature lags behind.
  return numberFormat(locale, { style: "currency", currency: amount.currency, currencyDisplay: "symbol" }).format(
    toDecimalString(amount) as unknown as number,
  );
}

/** Flanks ratios are over 1: 0.2 is 20 %. */
export function formatPercent(ratio: number, locale: TLocale, fractionDigits = 2): string {
  return numberFormat(locale, { style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(ratio);
}

export function formatNumber(value: number, locale: TLocale, maximumFractionDigits = 4): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A calendar date (YYYY-MM-DD or Date), shown without shifting across time zones. */
export function formatDate(value: Date | string, locale: TLocale): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

export function formatDateTime(value: Date, locale: TLocale, timeZone = "Europe/Madrid"): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(value);
}
