import { getMessages } from "@/lib/i18n/get-locale";
import { RefreshButtonClient } from "./refresh-button-client";

/** Sends the button only its own strings (not the wealth dictionary). */
export async function RefreshButton({ clientId }: { clientId: string }) {
  const { t } = await getMessages();
  return <RefreshButtonClient clientId={clientId} labels={{ refresh: t.wealth.refresh, products: t.wealth.products }} />;
}
