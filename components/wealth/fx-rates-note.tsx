import { formatDay, formatMoney } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TMoney } from "@/lib/money/money";

/** A fixing older than this many days (a weekend plus Easter's two holidays) means the source has not been read since. */
const STALE_AFTER_DAYS = 4;

function ageInDays(day: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/**
 * How a base-currency figure was converted: "At ECB rates of <date>", a warning when those rates are
 * old (the source unreachable), and every amount that had no rate, shown apart with its own currency.
 */
export function FxRatesNote({
  base,
  ratesDay,
  notConverted,
  hasOtherCurrencies,
  locale,
  t,
  testId = "fx-rates-note",
}: {
  base: string;
  ratesDay: string | null;
  notConverted: readonly TMoney[];
  hasOtherCurrencies: boolean;
  locale: TLocale;
  t: TMessages;
  testId?: string;
}) {
  const f = t.fx;
  const isStale = ratesDay !== null && ageInDays(ratesDay, new Date()) > STALE_AFTER_DAYS;
  return (
    <div className="space-y-1 text-sm text-slate-700" data-testid={testId}>
      <p>
        {ratesDay !== null
          ? interpolate(f.atRates, { date: formatDay(ratesDay, locale) })
          : hasOtherCurrencies
            ? interpolate(f.noRates, { currency: base })
            : interpolate(f.onlyBase, { currency: base })}
      </p>
      {isStale ? <p className="font-medium text-amber-800">{f.ratesOld}</p> : null}
      {notConverted.length > 0 ? (
        <ul aria-label={f.notConvertedTitle} className="font-medium text-amber-900" data-testid="fx-not-converted">
          {notConverted.map((amount) => (
            <li key={amount.currency}>{interpolate(f.notConverted, { amount: formatMoney(amount, locale) })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
