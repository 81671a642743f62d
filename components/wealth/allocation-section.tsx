import { Card } from "@/components/ui/card";
import { formatMoney, formatPercent } from "@/lib/i18n/format";
import { INTL_LOCALE, type TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { money } from "@/lib/money/money";
import { basisPointsToRatio, type TAllocationSlice } from "@/lib/wealth/allocation";
import { HorizontalBarChart } from "./charts";
import { chartNumber, dash } from "./labels";

/** One allocation: a bar chart (its categories named on the axis) and the same figures as a table. */
export function AllocationSection({
  id,
  title,
  note,
  currency,
  slices,
  labelOf,
  locale,
  t,
}: {
  id: string;
  title: string;
  note?: string;
  currency: string;
  slices: TAllocationSlice[];
  labelOf: (key: string) => string;
  locale: TLocale;
  t: TMessages;
}) {
  const c = t.wealth.common;
  const data = slices.map((slice) => ({ label: labelOf(slice.key), value: chartNumber(money(slice.minor, currency)) }));
  return (
    <Card title={title}>
      {note ? <p className="-mt-2 mb-3 text-sm text-slate-700">{note}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <figure aria-describedby={`${id}-caption`}>
          <HorizontalBarChart
            data={data}
            valueLabel={interpolate(c.amountAxis, { currency })}
            categoryLabel={c.categoryAxis}
            formatValue="money"
            currency={currency}
            locale={INTL_LOCALE[locale]}
          />
          <figcaption id={`${id}-caption`} className="sr-only">
            {title}. {c.chartAlternative}
          </figcaption>
        </figure>
        <table className="w-full text-sm" data-testid={`${id}-table`}>
          <caption className="sr-only">{title}</caption>
          <thead className="text-left text-slate-700">
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-2 font-semibold">
                {c.category}
              </th>
              <th scope="col" className="py-2 pr-2 text-right font-semibold">
                {c.amount}
              </th>
              <th scope="col" className="py-2 text-right font-semibold">
                {c.share}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {slices.map((slice) => (
              <tr key={slice.key}>
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {labelOf(slice.key)}
                </th>
                <td className="tabular py-1.5 pr-2 text-right whitespace-nowrap">{formatMoney(money(slice.minor, currency), locale)}</td>
                <td className="tabular py-1.5 text-right">
                  {slice.basisPoints === null ? dash(t) : formatPercent(basisPointsToRatio(slice.basisPoints), locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
