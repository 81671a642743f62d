import type { TLocale } from "@/lib/i18n/locales";
import { en, type TMessages } from "./en";
import { es } from "./es";

export type { TMessages };
export const MESSAGES: Record<TLocale, TMessages> = { en, es };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a message's `{name}` placeholders, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * Fills `{name}` placeholders. A placeholder the call leaves without a value is a bug in that call:
 * it stays visible (a page is not failed over one word) and is reported with console.error, which
 * fails any unit test that reaches the call (lib/test/setup.ts) and shows in development.
 */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (match, key: string) => {
    if (key in values) return String(values[key]);
    console.error(`Message placeholder ${match} left unfilled in "${template}"`);
    return match;
  });
}
