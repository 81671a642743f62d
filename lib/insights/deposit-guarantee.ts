import type { FxRates } from "@/lib/fx/fx-rates";
import { roundHalfEven } from "@/lib/fx/exact-rate";
import { money, type TMoney } from "@/lib/money/money";
import type { TDepositGuaranteeInsight } from "./types";

/** The cover of the deposit guarantee scheme per depositor per credit institution (Directive 2014/49/EU art. 6; Spain's FGD). */
export const DEPOSIT_GUARANTEE_COVER: TMoney = money(10_000_000n, "EUR");

/** Cash at one entity: an account's balance or a bank deposit (investment type BP), with the holders Flanks lists. */
export type TCashHolding = {
  entity: string;
  entityName: string;
  balance: TMoney;
  /** Holder names as Flanks sends them (account `owners`, the portfolio's `owners` for a deposit); may be empty. */
  owners: string[];
  /** Flanks' numOwners (holders with the role Titular); null when not sent. */
  numOwners: number | null;
  kind: "accounts" | "deposits";
};

/**
 * Per holder per entity, the cash above the cover (a deposit guarantee is per depositor per
 * institution). A joint balance is split equally among its holders, as the Directive does unless
 * special provisions apply (art. 7.2): the share is balance / max(numOwners, named owners), given to
 * each named owner; a holding without names is the client's own (`clientHolder`). Amounts in other
 * currencies are converted to EUR at the newest stored ECB rate; those without a rate are listed
 * apart and not counted. Exactly the cover is covered: only a larger amount is flagged.
 */
export function depositGuaranteeInsights(
  holdings: readonly TCashHolding[],
  clientHolder: string,
  rates: FxRates,
  asOfOf: (entity: string) => string | null,
): TDepositGuaranteeInsight[] {
  type TBucket = { holder: string; entity: string; entityName: string; shares: TMoney[]; jointAccounts: number; data: Set<"accounts" | "deposits"> };
  const buckets = new Map<string, TBucket>();
  for (const holding of holdings) {
    const names = holding.owners.map((name) => name.trim()).filter((name) => name !== "");
    const holders = names.length > 0 ? [...new Set(names)] : [clientHolder];
    const count = Math.max(holding.numOwners ?? 0, holders.length, 1);
    const share = count === 1 ? holding.balance : money(roundHalfEven({ num: holding.balance.minor, den: BigInt(count) }), holding.balance.currency);
    for (const holder of holders) {
      const key = `${normalizeName(holder)}|${holding.entity}`;
      const bucket = buckets.get(key) ?? { holder, entity: holding.entity, entityName: holding.entityName, shares: [], jointAccounts: 0, data: new Set() };
      bucket.shares.push(share);
      if (count > 1) bucket.jointAccounts++;
      bucket.data.add(holding.kind);
      buckets.set(key, bucket);
    }
  }
  const insights: TDepositGuaranteeInsight[] = [];
  for (const bucket of buckets.values()) {
    const converted = rates.convertSum(bucket.shares, "EUR");
    const cash = converted.total;
    if (cash.minor <= DEPOSIT_GUARANTEE_COVER.minor) continue;
    insights.push({
      id: `depositGuarantee:${normalizeName(bucket.holder)}:${bucket.entity}`,
      kind: "depositGuarantee",
      needsAction: true,
      source: { data: [...bucket.data].sort(), banks: [bucket.entityName], asOf: asOfOf(bucket.entity), ratesDay: converted.ratesDay },
      figures: {
        holder: bucket.holder,
        entity: bucket.entity,
        entityName: bucket.entityName,
        cash,
        covered: DEPOSIT_GUARANTEE_COVER,
        uncovered: money(cash.minor - DEPOSIT_GUARANTEE_COVER.minor, "EUR"),
        jointAccounts: bucket.jointAccounts,
        convertedCurrencies: [...new Set(bucket.shares.map((share) => share.currency))]
          .filter((code) => code !== "EUR" && !converted.notConverted.some((n) => n.currency === code))
          .sort(),
        notConverted: converted.notConverted,
      },
    });
  }
  return insights.sort((a, b) => (a.figures.uncovered.minor > b.figures.uncovered.minor ? -1 : a.figures.uncovered.minor < b.figures.uncovered.minor ? 1 : 0));
}

/** The same holder written with other case or spacing by two banks is one depositor. */
function normalizeName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
