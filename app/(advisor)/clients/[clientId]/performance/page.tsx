import type { Metadata } from "next";
import Link from "next/link";
import { GroupedBarChart } from "@/components/wealth/charts";
import { investmentTypeLabel, moneyText, percentText } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatPercent } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";
import { getPerformance, type TPerformanceGroup } from "@/lib/services/wealth/get-performance";
import { PERFORMANCE_PERIODS } from "@/lib/wealth/performance";

export const metadata: Metadata = { title: "Performance" };

type TProps = { params: Promise<{ clientId: string }> };

function GroupTable({ groups, locale, t, testId }: { groups: TPerformanceGroup[]; locale: TLocale; t: TMessages; testId: string }) {
  const p = t.wealth.performance;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="text-left text-slate-700">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-2 font-semibold">{p.name}</th>
            <th scope="col" className="px-2 py-2 text-right font-semibold">{p.value}</th>
            {PERFORMANCE_PERIODS.map((period) => (
              <th key={period} scope="col" className="px-2 py-2 text-right font-semibold">
                <abbr title={p.periods[period]} className="no-underline">{p.periodShort[period]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row" className="py-2 pr-2 text-left font-medium">
                {group.name}
                {group.bank ? <span className="block text-xs font-normal text-slate-600">{group.bank}</span> : null}
              </th>
              <td className="tabular px-2 py-2 text-right whitespace-nowrap">{moneyText(group.value, locale, t)}</td>
              {group.periods.map((period) => (
                <td key={period.period} className={`tabular px-2 py-2 text-right ${period.ratio !== null && period.ratio < 0 ? "text-red-800" : ""}`}>
                  {percentText(period.ratio, locale, t)}
                  {period.ratio !== null && period.coveredMinor < period.totalMinor ? (
                    <span className="block text-xs text-slate-600">
                      {p.covered} {formatPercent(Number((period.coveredMinor * 10_000n) / (period.totalMinor || 1n)) / 10_000, locale, 0)}
                    </span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function PerformancePage({ params }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const view = await orNotFound(getPerformance(user, clientId));
  if (!view.context.hasData) return <WealthGate context={view.context} t={t} />;
  const p = t.wealth.performance;
  const chartData = PERFORMANCE_PERIODS.map((period) => ({
    period: p.periodShort[period],
    ...Object.fromEntries(view.portfolios.map((group, index) => [`g${index}`, group.periods.find((x) => x.period === period)?.ratio ?? null])),
  }));
  return (
    <div className="space-y-6">
      <DataAsOf context={view.context} locale={locale} t={t} products={["investments", "portfolios"]} />
      <Card title={p.title}>
        <p className="text-sm text-slate-800" data-testid="weighting-note">{p.weighting}</p>
      </Card>
      {view.positions.length === 0 ? (
        <SectionEmpty text={p.empty} />
      ) : (
        <>
          <Card title={p.chartTitle}>
            <figure>
              <GroupedBarChart
                data={chartData}
                series={view.portfolios.map((group, index) => ({ key: `g${index}`, name: `${group.name} (${group.value.currency})` }))}
                xKey="period"
                xLabel={t.wealth.common.periodAxis}
                yLabel={t.wealth.common.percentAxis}
                locale={locale === "es" ? "es-ES" : "en-GB"}
              />
              <figcaption className="sr-only">{p.chartTitle}. {t.wealth.common.chartAlternative}</figcaption>
            </figure>
          </Card>
          <Card title={p.portfolios}>
            <GroupTable groups={view.portfolios} locale={locale} t={t} testId="portfolio-performance" />
          </Card>
          <Card title={p.totals}>
            <GroupTable groups={view.totals} locale={locale} t={t} testId="currency-performance" />
          </Card>
          <Card title={p.positions}>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="position-performance">
                <thead className="text-left text-slate-700">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-2 font-semibold">{p.name}</th>
                    <th scope="col" className="px-2 py-2 text-right font-semibold">{p.value}</th>
                    {PERFORMANCE_PERIODS.map((period) => (
                      <th key={period} scope="col" className="px-2 py-2 text-right font-semibold">
                        <abbr title={p.periods[period]} className="no-underline">{p.periodShort[period]}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {view.positions.map((position) => (
                    <tr key={position.id}>
                      <th scope="row" className="py-2 pr-2 text-left font-medium">
                        <Link href={`/clients/${view.context.clientId}/investments/${position.id}`} className="text-brand-700 underline">{position.name}</Link>
                        <span className="block text-xs font-normal text-slate-600">{position.isin} · {investmentTypeLabel(position.type, locale, t)}</span>
                      </th>
                      <td className="tabular px-2 py-2 text-right whitespace-nowrap">{moneyText(position.value, locale, t)}</td>
                      {PERFORMANCE_PERIODS.map((period) => {
                        const ratio = position.detail?.[period] ?? null;
                        return (
                          <td key={period} className={`tabular px-2 py-2 text-right ${ratio !== null && ratio < 0 ? "text-red-800" : ""}`}>{percentText(ratio, locale, t)}</td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
