import "server-only";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import type { TLocale } from "@/lib/i18n/locales";

export async function setUserLocale(actor: TSessionUser, locale: TLocale): Promise<void> {
  await getDb().user.update({ where: { id: actor.id }, data: { locale } });
}
