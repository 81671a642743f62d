/**
 * Issuer country from an ISIN's first two letters (ISO 6166: the country of the issuer, or "XS"
 * for international securities cleared through Euroclear / Clearstream). Only a well-formed ISIN
 * with a valid check digit is read; pension plan codes (N4521), crypto tickers and liquidity
 * pseudo-ISINs give null.
 */
export function isValidIsin(isin: string): boolean {
  if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(isin)) return false;
  const digits = [...isin.slice(0, 11)].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join("");
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return (10 - (sum % 10)) % 10 === Number(isin[11]);
}

/** "ES", "US", "XS"… or null when the code is not an ISIN. */
export function issuerCountryOf(isin: string | null | undefined): string | null {
  const code = (isin ?? "").trim().toUpperCase();
  return isValidIsin(code) ? code.slice(0, 2) : null;
}

// Building an Intl.DisplayNames costs more than the lookups of a whole page (~0.3 ms a client
// overview under load, CPU profile): one per locale.
const regionNames = new Map<string, Intl.DisplayNames>();
function regionNamesOf(locale: "en" | "es"): Intl.DisplayNames {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    regionNames.set(locale, names);
  }
  return names;
}

/** A readable name for an ISIN prefix. */
export function issuerCountryName(prefix: string, locale: "en" | "es"): string {
  if (prefix === "XS") return locale === "es" ? "Internacional (XS)" : "International (XS)";
  try {
    const name = regionNamesOf(locale).of(prefix);
    return name && name !== prefix ? `${name} (${prefix})` : prefix;
  } catch {
    return prefix;
  }
}
