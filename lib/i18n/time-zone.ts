import "server-only";
import { getEnv } from "@/lib/env";

/** The firm's time zone (FIRM_TIME_ZONE, default Europe/Madrid): every instant shown is read in it. Client components get it from useI18n(). */
export function firmTimeZone(): string {
  return getEnv().FIRM_TIME_ZONE;
}
