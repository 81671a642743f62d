import "server-only";
import { getEnv } from "@/lib/env";
import { parseEcbRatesXml } from "@/lib/fx/ecb-xml";
import { storeFxRates } from "@/lib/fx/store-fx-rates";
import { logError } from "@/lib/log/log-error";
import { withLease } from "@/lib/db/with-lease";

/** The ECB publishes once a working day, around 16:00 CET; four looks a day find each fixing within hours. */
export const FX_RATES_EVERY_MS = 6 * 60 * 60_000;
/** The full history file (eurofxref-hist.xml) is about 6 MB; anything far larger is not a rates file. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * The scheduler's job: one process at a time (a lease) reads FX_RATES_URL and stores its rates.
 * An unreachable or unreadable source changes nothing: the last stored rates stay in use, and the
 * pages say their date.
 */
export async function refreshFxRates(fetcher: typeof fetch = (url, init) => fetch(url, init)): Promise<number | null> {
  const env = getEnv();
  return withLease("jobs:fx-rates", 5 * 60_000, async () => {
    try {
      const response = await fetcher(env.fxRatesUrl, { signal: AbortSignal.timeout(30_000), headers: { accept: "application/xml, text/xml" } });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const length = Number(response.headers.get("content-length") ?? "0");
      if (length > MAX_BYTES) throw new Error(`answer of ${length} bytes`);
      const text = await response.text();
      if (text.length > MAX_BYTES) throw new Error(`answer of ${text.length} characters`);
      const { rows, skipped } = parseEcbRatesXml(text);
      if (skipped > 0) logError("fx rates", `${skipped} unreadable record(s) left out`);
      return await storeFxRates(rows, env.isSandboxMode ? "SANDBOX" : "ECB");
    } catch (error) {
      // The URL is configuration, not a secret; it says which source failed.
      logError(`fx rates from ${env.fxRatesUrl} (the last stored rates stay in use)`, error);
      return 0;
    }
  });
}
