import { money } from "@/lib/money/money";
import { allocate } from "@/lib/wealth/allocation";
import type { TCurrencyFigures } from "@/lib/wealth/base-currency-overview";

/** One currency's overview figures for a test: all in cash at one bank, a 10 % YTD return, no history unless given. */
export function currencyFigures(currency: string, assets: bigint, liabilities: bigint, extra: Partial<TCurrencyFigures> = {}): TCurrencyFigures {
  return {
    currency,
    assets: money(assets, currency),
    liabilities: money(liabilities, currency),
    net: money(assets - liabilities, currency),
    byType: allocate([{ key: "ACCOUNTS", minor: assets }]),
    byBank: allocate([{ key: "testbank", minor: assets }]),
    byIssuerCountry: [],
    performance: [{ period: "YTD", ratio: 0.1, coveredMinor: assets, totalMinor: assets }],
    history: [],
    ...extra,
  };
}
