import { INVESTMENT_TYPE_NAMES, investmentTypeOf } from "@/lib/flanks/schemas/investment-type";
import { liabilityTypeName, liabilityTypeOf } from "@/lib/flanks/schemas/liability";
import { formatPercent } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";

// Labels the pages (components/wealth/labels.ts re-exports them) and the client report (lib/report) both show.

/** A known code by its readable name; an unknown one as "Other (CODE)". */
export function investmentTypeLabel(code: string, locale: TLocale, t: TMessages): string {
  const known = investmentTypeOf(code);
  return known === "OTHER" ? interpolate(t.wealth.common.otherType, { code }) : INVESTMENT_TYPE_NAMES[known][locale];
}

export function liabilityTypeLabel(code: string, locale: TLocale, t: TMessages): string {
  return liabilityTypeOf(code) === "OTHER" ? interpolate(t.wealth.common.otherType, { code }) : liabilityTypeName(code, locale);
}

/** A documented null shows as "—". */
export const dash = (t: TMessages) => t.wealth.common.none;

export function percentText(ratio: number | null | undefined, locale: TLocale, t: TMessages): string {
  return ratio === null || ratio === undefined ? dash(t) : formatPercent(ratio, locale);
}
