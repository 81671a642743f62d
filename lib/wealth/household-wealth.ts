import { money } from "@/lib/money/money";
import { allocate } from "./allocation";
import type { TCurrencyTotals } from "./base-currency-overview";
import type { TDedupedHolding } from "./household-holdings";
import { computeSnapshot } from "./snapshot";

/** A household's wealth in one currency, from its products each counted once: the same totals as a client's, so they convert alike. */
export type THouseholdCurrencyWealth = TCurrencyTotals;

/**
 * The household's figures per currency, never summed across currencies: the one place that adds
 * the members' products up, so a base-currency conversion (issue 19.2) converts this result and
 * nothing else. Assets and liabilities follow computeSnapshot (accounts + positions; outstanding
 * liabilities), exactly as each member's overview does, on holdings already counted once
 * (dedupeHouseholdHoldings).
 */
export function householdWealthByCurrency(holdings: readonly TDedupedHolding[]): THouseholdCurrencyWealth[] {
  const accounts = holdings.filter((holding) => holding.kind === "account");
  const positions = holdings.filter((holding) => holding.kind === "position");
  const liabilities = holdings.filter((holding) => holding.kind === "liability");
  return computeSnapshot({ accounts, investments: positions, liabilities }).map((entry) => {
    const { currency } = entry;
    const assetsInCurrency = [...accounts, ...positions].filter((holding) => holding.currency === currency);
    return {
      currency,
      assets: money(entry.assetsMinor, currency),
      liabilities: money(entry.liabilitiesMinor, currency),
      net: money(entry.assetsMinor - entry.liabilitiesMinor, currency),
      byType: allocate(Object.entries(entry.byType).map(([key, minor]) => ({ key, minor }))),
      byBank: allocate(assetsInCurrency.map((holding) => ({ key: holding.entity, minor: holding.balanceMinor }))),
    };
  });
}
