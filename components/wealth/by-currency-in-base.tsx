import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TBaseCurrencyTotals } from "@/lib/wealth/base-currency-overview";
import { AllocationSection } from "./allocation-section";

/** The assets held in each currency, converted to the base currency: the client overview's and the household's allocation by currency. */
export function ByCurrencyInBase({ id, figures, locale, t }: { id: string; figures: TBaseCurrencyTotals; locale: TLocale; t: TMessages }) {
  return (
    <AllocationSection
      id={id}
      title={interpolate(t.fx.byCurrencyInBase, { currency: figures.currency })}
      note={interpolate(t.fx.byCurrencyInBaseNote, { currency: figures.currency })}
      currency={figures.currency}
      slices={figures.byCurrency}
      labelOf={(key) => key}
      locale={locale}
      t={t}
    />
  );
}
