import type { TLocale } from "../locales";
import { en, type TMessages } from "./en";
import { es } from "./es";

export type { TMessages };
export const MESSAGES: Record<TLocale, TMessages> = { en, es };

/** Fills `{name}` placeholders. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
