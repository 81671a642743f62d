import type { ReactNode } from "react";
import type { TNamespace } from "@/lib/i18n/client-messages";
import { pickMessages } from "@/lib/i18n/client-messages";
import { getMessages } from "@/lib/i18n/get-locale";
import { I18nProvider } from "./i18n-provider";

/** Sends these namespaces of the dictionary to the client components below it, and no others. */
export async function I18nScope({ namespaces, children }: { namespaces: readonly TNamespace[]; children: ReactNode }) {
  const { t } = await getMessages();
  return <I18nProvider messages={pickMessages(t, namespaces)}>{children}</I18nProvider>;
}
