import { investmentTypeOf } from "@/lib/flanks/schemas/investment-type";

/** The product families of a client's investment profile (knowledge and experience are recorded per family). */
export const PRODUCT_FAMILIES = ["SHARES", "BONDS", "FUNDS", "ETFS", "DERIVATIVES", "STRUCTURED", "CRYPTO", "ALTERNATIVES"] as const;
export type TProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** Complex or high-risk families: their share of the portfolio is held against the risk level's allowance. */
export const COMPLEX_FAMILIES: readonly TProductFamily[] = ["DERIVATIVES", "STRUCTURED", "CRYPTO", "ALTERNATIVES"];

// Names are matched as Spanish and English banks write them (the sandbox's catalogue among them).
const STRUCTURED_NAME = /estructurad|structured|autocall|bono ligado|linked note|certificad|certificate|warrant/i;
const ETF_NAME = /\betf\b|\betc\b|ucits etf|exchange traded/i;
const CRYPTO_NAME = /bitcoin|ethereum|\bcrypto|cripto/i;
const DERIVATIVE_NAME = /\bcfd\b|futuro|future|opci[oó]n|option|\bswap\b/i;

/**
 * The family of a position from what Flanks gives: its type code first, then its name where the
 * type is too broad (a structured note filed as fixed income, an ETF filed as a fund or a share) or
 * unknown. Null: outside the profile's families (cash, deposits, pension plans) or not recognised;
 * such positions are never flagged. Decision 054 lists the mapping and its limits.
 */
export function productFamilyOf(position: { type: string; name: string; isin?: string | null }): TProductFamily | null {
  const { name } = position;
  const type = investmentTypeOf(position.type);
  if (STRUCTURED_NAME.test(name) && type !== "DV" && type !== "CFD") return "STRUCTURED";
  switch (type) {
    case "VI":
      return ETF_NAME.test(name) ? "ETFS" : "SHARES";
    case "FI":
      return "BONDS";
    case "F":
      return ETF_NAME.test(name) ? "ETFS" : "FUNDS";
    case "ETF":
      return "ETFS";
    case "DV":
    case "CFD":
      return "DERIVATIVES";
    case "C":
      return "CRYPTO";
    case "AEP":
      return "ALTERNATIVES";
    case "PP":
    case "L":
    case "BP":
      return null;
    case "O":
    case "OTHER":
      if (CRYPTO_NAME.test(name)) return "CRYPTO";
      if (DERIVATIVE_NAME.test(name)) return "DERIVATIVES";
      if (ETF_NAME.test(name)) return "ETFS";
      return null;
  }
}

export function isComplexFamily(family: TProductFamily): boolean {
  return COMPLEX_FAMILIES.includes(family);
}
