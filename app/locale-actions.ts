"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/services/users/set-user-locale";

const ZLocaleFormSchema = z.object({ locale: z.enum(LOCALES) });

/** Open to everyone (the sign-in page has the switch too); saved on the account when signed in. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = ZLocaleFormSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
  const user = await getCurrentUser();
  if (user) await setUserLocale(user, parsed.data.locale);
}
