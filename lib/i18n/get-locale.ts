import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type TLocale } from "./locales";
import { MESSAGES, type TMessages } from "./messages";

/** The cookie holds this browser's explicit choice; then the choice saved on the account; then the browser's language. */
export const getLocale = cache(async (): Promise<TLocale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const user = await getCurrentUser();
  if (user?.locale) return user.locale;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
});

export async function getMessages(): Promise<{ locale: TLocale; t: TMessages }> {
  const locale = await getLocale();
  return { locale, t: MESSAGES[locale] };
}
