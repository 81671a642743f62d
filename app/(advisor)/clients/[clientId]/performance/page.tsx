import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { GroupedBarChart } from "@/components/wealth/charts";
import { investmentTypeLabel, moneyText, percentText } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/data-table";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatPercent } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { INTL_LOCALE, type TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getPerformance, type TPerformanceGroup } from "@/lib/services/wealth/get-performance";
import { PERFORMANCE_PERIODS } from "@/lib/wealth/performance";

export const generateMetadata = pageTitle("performance");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Name, value and one column per period: the portfolio, currency and position tables share it. */
function performanceColumns(t: TMessages) {
  const p = t.wealth.performance;
  return [
    { label: p.name },
    { label: p.value, align: "right" as const },
    ...PERFORMANCE_PERIODS.map((period) => ({
      align: "right" as const,
      label: (
        <abbr title={p.periods[period]} className="no-underline">
          {p.periodShort[period]}
        </abbr>
      ),
    })),
  ];
}

function RatioCell({ ratio, children, locale, t }: { ratio: number | null; children?: ReactNode; locale: TLocale; t: TMessages }) {
  return (
    <td className={`tabular py-2 pr-4 text-right ${ratio !== null && ratio < 0 ? "text-red-800" : ""}`}>
      {percentText(ratio, locale, t)}
      {children}
    </td>
  );
}

function GroupTable({ groups, caption, locale, t, testId }: { groups: TPerformanceGroup[]; caption: string; locale: TLocale; t: TMessages; testId: string }) {
  const p = t.wealth.performance;
  return (
    <DataTable caption={caption} columns={performanceColumns(t)} testId={testId} isFramed={false}>
      {groups.map((group) => (
        <tr key={group.id}>
          <th scope="row" className="py-2 pr-4 text-left font-medium">
            {group.name}
            {group.bank ? <span className="block text-xs font-normal text-slate-600">{group.bank}</span> : null}
          </th>
          <td className="tabular py-2 pr-4 text-right whitespace-nowrap">{moneyText(group.value, locale, t)}</td>
          {group.periods.map((period) => (
            <RatioCell key={period.period} ratio={period.ratio} locale={locale} t={t}>
              {period.ratio !== null && period.coveredMinor < period.totalMinor ? (
                <span className="block text-xs text-slate-600">
                  {p.covered} {formatPercent(Number((period.coveredMinor * 10_000n) / (period.totalMinor || 1n)) / 10_000, locale, 0)}
                </span>
              ) : null}
            </RatioCell>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

export default async function PerformancePage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const page = Number((await searchParams).page) || 1;
  const view = await orNotFound(getPerformance(user, clientId, page));
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
        <p className="text-sm text-slate-800" data-testid="weighting-note">
          {p.weighting}
        </p>
      </Card>
      {view.positionCount === 0 ? (
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
                locale={INTL_LOCALE[locale]}
              />
              <figcaption className="sr-only">
                {p.chartTitle}. {t.wealth.common.chartAlternative}
              </figcaption>
            </figure>
          </Card>
          <Card title={p.portfolios}>
            <GroupTable groups={view.portfolios} caption={p.portfolios} locale={locale} t={t} testId="portfolio-performance" />
          </Card>
          <Card title={p.totals}>
            <GroupTable groups={view.totals} caption={p.totals} locale={locale} t={t} testId="currency-performance" />
          </Card>
          <Card title={p.positions}>
            <DataTable caption={p.positions} columns={performanceColumns(t)} testId="position-performance" isFramed={false}>
              {view.positions.map((position) => (
                <tr key={position.id}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    <Link href={`/clients/${view.context.clientId}/investments/${position.id}`} className="text-brand-700 underline">
                      {position.name}
                    </Link>
                    <span className="block text-xs font-normal text-slate-600">
                      {position.isin} · {investmentTypeLabel(position.type, locale, t)}
                    </span>
                  </th>
                  <td className="tabular py-2 pr-4 text-right whitespace-nowrap">{moneyText(position.value, locale, t)}</td>
                  {PERFORMANCE_PERIODS.map((period) => (
                    <RatioCell key={period} ratio={position.detail?.[period] ?? null} locale={locale} t={t} />
                  ))}
                </tr>
              ))}
            </DataTable>
            <Pagination
              t={t}
              page={view.page}
              pageCount={view.pageCount}
              hrefFor={(page) => `/clients/${view.context.clientId}/performance${page > 1 ? `?page=${page}` : ""}`}
            />
          </Card>
        </>
      )}
    </div>
  );
}
