/** What one sync fetches, and which status flag of Flanks reports each product errored / created. */
export const SYNC_PRODUCTS = [
  { key: "identity", flag: ["product", "auth"] },
  { key: "holders", flag: ["product", "holders"] },
  { key: "accounts", flag: ["product", "account"] },
  { key: "accountTransactions", flag: ["transaction", "account"] },
  { key: "cards", flag: ["product", "card"] },
  { key: "cardTransactions", flag: ["transaction", "card"] },
  { key: "portfolios", flag: ["product", "portfolio"] },
  { key: "investments", flag: ["product", "investment"] },
  { key: "investmentTransactions", flag: ["transaction", "investment"] },
  { key: "liabilities", flag: ["product", "liability"] },
  { key: "liabilityTransactions", flag: ["transaction", "liability"] },
  { key: "mifid", flag: ["product", "mifid"] },
] as const;

export type TSyncProduct = (typeof SYNC_PRODUCTS)[number]["key"];

/**
 * ok: replaced by this sync. errored: Flanks reports it errored, last good data kept.
 * invalid: Flanks' answer was not a list at all, last good data kept. failed: its endpoint answered
 * 404 or 5xx (one failing endpoint is one failed product, issue 15), last good data kept.
 * not-created: still being extracted, last good data (if any) kept.
 */
export type TProductSyncStatus = "ok" | "errored" | "invalid" | "failed" | "not-created";

/**
 * `received` / `setAside`: records in Flanks' answer, and those of them that could not be read
 * (stored redacted in WealthSetAsideRecord), when the product was replaced by this sync.
 */
export type TProductState = { status: TProductSyncStatus; syncedAt: string | null; received?: number; setAside?: number };
export type TProductStates = Partial<Record<TSyncProduct, TProductState>>;

export function parseProductStates(json: string | null | undefined): TProductStates {
  try {
    const value = JSON.parse(json ?? "{}") as unknown;
    return value && typeof value === "object" ? (value as TProductStates) : {};
  } catch {
    return {};
  }
}
