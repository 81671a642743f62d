import type { FxRates } from "@/lib/fx/fx-rates";
import { money, type TMoney } from "@/lib/money/money";
import type { TConcentrationDimension, TConcentrationInsight, TInsightSource } from "./types";

/** The share above which a concentration is flagged when the advisor has not chosen one (User.concentrationLimitPct). */
export const DEFAULT_CONCENTRATION_LIMIT_PCT = 20;

/** An asset of the client: a cash account or a position, in its own currency. */
export type TAsset = {
  kind: "account" | "position";
  /** The position's ISIN (or its name when it has none); the account's IBAN. */
  key: string;
  label: string;
  /** The issuer's key for direct securities (shares, bonds), null otherwise (a fund is its own estate). */
  issuer: string | null;
  bank: string;
  bankName: string;
  amount: TMoney;
};

/**
 * The issuer of a share or bond from its ISIN, where the national number says it: a US or Canadian
 * ISIN carries the CUSIP, whose first six characters are the issuer; a Spanish ISIN (ES + type digit +
 * four-digit issuer code) names the issuer in characters 4–7. Elsewhere the issuer is not known and
 * each security counts alone. Decision 054.
 */
export function issuerKeyOf(isin: string): string | null {
  const code = isin.trim().toUpperCase();
  if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(code)) return null;
  if (code.startsWith("US") || code.startsWith("CA")) return `${code.slice(0, 2)}:${code.slice(2, 8)}`;
  if (code.startsWith("ES")) return `ES:${code.slice(3, 7)}`;
  return null;
}

/**
 * One position (the same ISIN at several banks counts once), one issuer (only when it has two
 * securities or more: one security is already its position), one bank, or one currency other than
 * the base currency, above `limitPct` of the client's assets in the base currency. Exactly the limit
 * is not flagged. Positions and issuers need action; banks and currencies are for information. Assets without a rate are left out of both sides (the page says so beside the totals).
 */
export function concentrationInsights(
  assets: readonly TAsset[],
  base: string,
  limitPct: number,
  rates: FxRates,
  source: Omit<TInsightSource, "data">,
): TConcentrationInsight[] {
  // Assets with a rate and a positive value; each group's sum and the total are converted as the
  // overview converts (exact per currency, one rounding), so the total matches the overview's assets.
  const inBase = assets.flatMap((asset) => {
    const converted = rates.convert(asset.amount, base);
    return converted && asset.amount.minor > 0n ? [{ asset, minor: converted.minor }] : [];
  });
  const total = rates.convertSum(
    inBase.map(({ asset }) => asset.amount),
    base,
  ).total.minor;
  if (total <= 0n) return [];
  const groups: { dimension: TConcentrationDimension; keyOf: (asset: TAsset) => string | null; labelOf: (asset: TAsset) => string; minMembers: number }[] = [
    { dimension: "position", keyOf: (a) => (a.kind === "position" ? a.key : null), labelOf: (a) => a.label, minMembers: 1 },
    { dimension: "issuer", keyOf: (a) => a.issuer, labelOf: (a) => a.label, minMembers: 2 },
    { dimension: "bank", keyOf: (a) => a.bank, labelOf: (a) => a.bankName, minMembers: 1 },
    { dimension: "currency", keyOf: (a) => (a.amount.currency === base ? null : a.amount.currency), labelOf: (a) => a.amount.currency, minMembers: 1 },
  ];
  const insights: TConcentrationInsight[] = [];
  for (const group of groups) {
    const members = new Map<string, { amounts: TMoney[]; label: string; largest: bigint; keys: Set<string> }>();
    for (const { asset, minor } of inBase) {
      const key = group.keyOf(asset);
      if (key === null) continue;
      const entry = members.get(key) ?? { amounts: [], label: group.labelOf(asset), largest: 0n, keys: new Set<string>() };
      entry.amounts.push(asset.amount);
      entry.keys.add(asset.key);
      // An issuer is named after its largest security.
      if (minor > entry.largest) [entry.largest, entry.label] = [minor, group.labelOf(asset)];
      members.set(key, entry);
    }
    for (const [key, entry] of members) {
      if (entry.keys.size < group.minMembers) continue;
      const sum = rates.convertSum(entry.amounts, base).total.minor;
      // share > limit, in integers: sum × 100 > total × limit.
      if (sum * 100n <= total * BigInt(limitPct)) continue;
      insights.push({
        id: `concentration:${group.dimension}:${key}`,
        kind: "concentration",
        // A position or an issuer is a choice to revisit; the bank and a foreign currency are for information:
        // most clients hold one bank (its cash is the deposit guarantee's insight) and flagging them all hid the rest.
        needsAction: group.dimension === "position" || group.dimension === "issuer",
        source: { ...source, data: group.dimension === "position" || group.dimension === "issuer" ? ["positions"] : ["accounts", "positions"] },
        figures: {
          dimension: group.dimension,
          key,
          label: entry.label,
          amount: money(sum, base),
          total: money(total, base),
          share: Number(sum) / Number(total),
          limit: limitPct / 100,
        },
      });
    }
  }
  return insights.sort((a, b) => b.figures.share - a.figures.share);
}
