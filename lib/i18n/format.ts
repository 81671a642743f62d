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
  return numberFormat(locale, { style: "currency", currency: amount.currency, currencyDisplay: "symbol" }).format(toDecimalString(amount) as unknown as number);
}

/** Flanks ratios are over 1: 0.2 is 20 %. */
export function formatPercent(ratio: number, locale: TLocale, fractionDigits = 2): string {
  return numberFormat(locale, { style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(ratio);
}

export function formatNumber(value: number, locale: TLocale, maximumFractionDigits = 4): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day as Flanks sends it ("YYYY-MM-DD": operation dates, birth dates, maturities):
 * shown as that very day in every time zone, never shifted.
 */
export function formatDay(day: string, locale: TLocale): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

const instantOf = (value: Date | string): Date => (typeof value === "string" ? new Date(value) : value);

/**
 * The day of an instant (a Date or an ISO timestamp) in the firm's time zone (FIRM_TIME_ZONE), so
 * that every page, the CSV and the audit log name the same day for the same instant. A bare
 * "YYYY-MM-DD" is a calendar day and is shown as such.
 */
export function formatDate(value: Date | string, locale: TLocale, timeZone: string): string {
  if (typeof value === "string" && CALENDAR_DAY.test(value)) return formatDay(value, locale);
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }).format(instantOf(value));
}

/** Day and time of an instant in the firm's time zone (FIRM_TIME_ZONE). */
export function formatDateTime(value: Date | string, locale: TLocale, timeZone: string): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(instantOf(value));
}

/** "YYYY-MM-DD" of an instant in a time zone (file names, day keys). */
export function dayIn(value: Date | string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(instantOf(value));
}
