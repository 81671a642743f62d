import { investmentTypeOf } from "@/lib/flanks/schemas/investment-type";
import { formatMoney, formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { money, type TMoney } from "@/lib/money/money";
import { dash, investmentTypeLabel, liabilityTypeLabel, percentText } from "@/lib/wealth/labels";

export { dash, investmentTypeLabel, liabilityTypeLabel, percentText };

/** A portfolio's type: Flanks' portfolio types by name, an investment type code as that type, anything else as sent. */
export function portfolioTypeLabel(code: string | null, locale: TLocale, t: TMessages): string {
  if (code === null || code === "") return dash(t);
  const names: Record<string, string> = t.wealth.portfolios.types;
  if (names[code] !== undefined) return names[code];
  return investmentTypeOf(code) === "OTHER" ? code : investmentTypeLabel(code, locale, t);
}

/** An investment transaction's standard type by name; a reversal ("28") names what it reverses; a newer code shows as "Other (CODE)". */
export function investmentTxTypeLabel(code: string | null, t: TMessages, reversalOf?: string | null): string {
  if (code === null) return dash(t);
  const names: Record<string, string> = t.wealth.ledger.investmentTypes;
  const name = names[code];
  if (name === undefined) return interpolate(t.wealth.common.otherType, { code });
  return code === "28" && reversalOf ? interpolate(t.wealth.ledger.reversalOf, { type: investmentTxTypeLabel(reversalOf, t) }) : name;
}

/** An account transaction's type (Flanks' classification) by name; another value as sent. */
export function accountTxTypeLabel(code: string | null, t: TMessages): string {
  if (code === null) return dash(t);
  const names: Record<string, string> = t.wealth.ledger.accountTypes;
  return names[code] ?? code;
}

export function moneyText(amount: TMoney | null | undefined, locale: TLocale, t: TMessages): string {
  return amount ? formatMoney(amount, locale) : dash(t);
}

/** An exact decimal string shown with the locale's separators, without going through a float for display. */
export function decimalText(value: string | null | undefined, locale: TLocale, t: TMessages, maximumFractionDigits = 6): string {
  if (value === null || value === undefined) return dash(t);
  const [whole = "0", fraction = ""] = value.replace("-", "").split(".");
  const negative = value.startsWith("-");
  const grouped = formatNumber(Number(whole), locale, 0);
  const kept = fraction.slice(0, maximumFractionDigits).replace(/0+$/, "");
  const separator = locale === "es" ? "," : ".";
  return `${negative ? "-" : ""}${grouped}${kept ? separator + kept : ""}`;
}

export const orDash = (value: string | null | undefined, t: TMessages): string => (value === null || value === undefined || value === "" ? dash(t) : value);

/** Amounts for a chart only (never summed): minor units to a JS number. */
export function chartNumber(amount: TMoney): number {
  const digits = amount.currency === "JPY" ? 0 : 2;
  return Number(amount.minor) / 10 ** digits;
}

/** A chart value from minor units; null (a day without a figure) stays null, so the chart breaks there. */
export function chartFigure(minor: bigint | null, currency: string): number | null {
  return minor === null ? null : chartNumber(money(minor, currency));
}
