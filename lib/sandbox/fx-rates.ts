// Deterministic euro reference rates in the ECB's XML shape, so conversions in development and tests
// have known inputs: a rate is a function of its currency and day alone (no state, no randomness).
import { toEcbRatesXml } from "@/lib/fx/ecb-xml";
import { dayNumber, isoDay, isoDayOfMs } from "./dates";

/** Units per euro around which each currency's rate moves (near the ECB's figures of 2026; JPY with two decimals as the ECB writes it). */
export const SANDBOX_FX_CENTRES: Readonly<Record<string, { centre: number; decimals: number }>> = {
  USD: { centre: 10_850, decimals: 4 },
  GBP: { centre: 8_450, decimals: 4 },
  CHF: { centre: 9_420, decimals: 4 },
  JPY: { centre: 16_125, decimals: 2 },
  SEK: { centre: 112_350, decimals: 4 },
  MXN: { centre: 198_750, decimals: 4 },
  BRL: { centre: 60_120, decimals: 4 },
};

/** The rate of `currency` on `day` as the ECB would write it: the centre moved by a day-dependent step of at most ±1 %. */
export function sandboxFxRate(currency: string, day: string): string | null {
  const entry = SANDBOX_FX_CENTRES[currency];
  if (!entry) return null;
  const n = dayNumber(day);
  const step = ((n * 37 + currency.charCodeAt(0) * 11) % 201) - 100; // −100…100
  const units = entry.centre + Math.trunc((entry.centre * step) / 10_000);
  const text = String(units).padStart(entry.decimals + 1, "0");
  return `${text.slice(0, text.length - entry.decimals)}.${text.slice(text.length - entry.decimals)}`;
}

/** Fixing days (Monday to Friday; the ECB publishes none at weekends) of the last `count` calendar days up to `nowMs`, newest first. */
function fixingDays(nowMs: number, count: number): string[] {
  const today = dayNumber(isoDayOfMs(nowMs));
  const days: string[] = [];
  for (let n = today; n > today - count; n--) {
    const weekday = new Date(n * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(isoDay(n));
  }
  return days;
}

/** GET fx/eurofxref-daily.xml (the newest day) or fx/eurofxref-hist-90d.xml: public, no bearer, as the ECB's files are. */
export function sandboxFxXml(nowMs: number, file: "daily" | "hist-90d"): string {
  const days = fixingDays(nowMs, file === "daily" ? 7 : 90).slice(0, file === "daily" ? 1 : undefined);
  return toEcbRatesXml(
    days.map((day) => ({ day, rates: Object.keys(SANDBOX_FX_CENTRES).map((currency) => ({ currency, perEuro: sandboxFxRate(currency, day)! })) })),
  );
}
