import { formatMoney } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TConverted } from "@/lib/fx/fx-rates";

/** A converted total, and under it each amount that had no rate, in its own currency (never dropped). */
export function ConvertedAmount({ value, locale, t }: { value: TConverted; locale: TLocale; t: TMessages }) {
  return (
    <>
      {formatMoney(value.total, locale)}
      {value.notConverted.map((amount) => (
        <span key={amount.currency} className="block text-xs text-amber-900">
          {interpolate(t.fx.notConverted, { amount: formatMoney(amount, locale) })}
        </span>
      ))}
    </>
  );
}
