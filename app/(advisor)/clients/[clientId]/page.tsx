import { Link } from "@/components/ui/link";
import { ClientInsights } from "@/components/insights/client-insights";
import { AllocationSection } from "@/components/wealth/allocation-section";
import { ByCurrencyInBase } from "@/components/wealth/by-currency-in-base";
import { WealthLineChart } from "@/components/wealth/charts";
import { chartFigure, investmentTypeLabel, percentText } from "@/components/wealth/labels";
import { RefreshButton } from "@/components/wealth/refresh-button";
import { ReviewPanel } from "@/components/review/review-panel";
import { FxRatesNote } from "@/components/wealth/fx-rates-note";
import { DataAsOf, WealthGate } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { INTL_LOCALE, type TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { money, type TMoney } from "@/lib/money/money";
import { getBaseOverview } from "@/lib/services/wealth/get-base-overview";
import { getClientReviews } from "@/lib/services/reviews/get-review-changes";
import { dayIn } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { markClientReviewedAction } from "../review-actions";
import { NO_ISIN_KEY } from "@/lib/services/wealth/get-wealth-overview";
import { bankNamer } from "@/lib/services/wealth/wealth-context";
import { issuerCountryName } from "@/lib/wealth/issuer-country";
import { ACCOUNTS_KEY } from "@/lib/wealth/snapshot";
import { isHistoryGap } from "@/lib/wealth/base-currency-overview";
import { createInvitationAction } from "../connection-actions";

export const generateMetadata = pageTitle("overview");

type TTotals = { assets: TMoney; liabilities: TMoney; net: TMoney };

const PILL_IDLE = "border-slate-300 bg-white text-slate-800 hover:bg-slate-100";

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientOverviewPage({ params, searchParams }: TProps) {
  const { clientId } = await params;
  const ccy = (await searchParams).ccy;
  const requestedCurrency = typeof ccy === "string" ? ccy.toUpperCase().slice(0, 3) : undefined;
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const [{ context, currencies, base: inBase }, reviews] = await orNotFound(Promise.all([getBaseOverview(user, clientId), getClientReviews(user, clientId)]));
  const o = t.wealth.overview;
  const f = t.fx;
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  // No ?ccy (or one the client does not hold): every currency together, in the base currency.
  const held = currencies.find((c) => c.currency === requestedCurrency);
  const selected = held ?? inBase;
  const isBaseView = held === undefined;
  const base = `/clients/${context.clientId}`;
  const pill = (isCurrent: boolean) => `rounded-full border px-3 py-1 ${isCurrent ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : PILL_IDLE}`;
  const ratesNote = (
    <FxRatesNote
      base={inBase.currency}
      ratesDay={inBase.ratesDay}
      notConverted={inBase.notConverted.map((entry) => entry.net)}
      hasOtherCurrencies={currencies.some((c) => c.currency !== inBase.currency)}
      locale={locale}
      t={t}
    />
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <DataAsOf context={context} locale={locale} t={t} />
        <RefreshButton clientId={context.clientId} />
      </div>

      <ReviewPanel
        reviews={reviews}
        action={markClientReviewedAction}
        clientId={context.clientId}
        today={dayIn(new Date(), firmTimeZone())}
        locale={locale}
        timeZone={firmTimeZone()}
        t={t}
      />

      <Card title={interpolate(f.baseTotalsTitle, { currency: inBase.currency })}>
        <TotalsList figures={inBase} testId="totals-base" size="text-2xl" locale={locale} t={t} />
        <div className="mt-3">{ratesNote}</div>
      </Card>

      <ClientInsights user={user} clientId={context.clientId} inviteAction={createInvitationAction} />

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="mb-2 text-sm font-semibold text-slate-800">
          {f.perCurrencyTitle}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {currencies.map((entry) => (
            <Card key={entry.currency} title={interpolate(o.totalsTitle, { currency: entry.currency })}>
              <TotalsList figures={entry} testId={`totals-${entry.currency}`} size="text-lg" locale={locale} t={t} />
            </Card>
          ))}
        </div>
      </section>

      {selected ? (
        <>
          <nav aria-label={o.currencyPicker} className="flex items-center gap-2 text-sm">
            <span className="font-medium text-slate-800">{o.currencyPicker}:</span>
            <Link href={base} aria-current={isBaseView ? "true" : undefined} className={pill(isBaseView)}>
              {interpolate(f.allInBase, { currency: inBase.currency })}
            </Link>
            {currencies.map((entry) => (
              <Link
                key={entry.currency}
                href={`${base}?ccy=${entry.currency}`}
                aria-current={!isBaseView && entry.currency === selected.currency ? "true" : undefined}
                className={pill(!isBaseView && entry.currency === selected.currency)}
              >
                {entry.currency}
              </Link>
            ))}
          </nav>

          <AllocationSection
            id="by-type"
            title={`${o.byType} (${selected.currency})`}
            note={o.byTypeNote}
            currency={selected.currency}
            slices={selected.byType}
            labelOf={(key) => (key === ACCOUNTS_KEY ? o.accountsBucket : investmentTypeLabel(key, locale, t))}
            locale={locale}
            t={t}
          />
          <div className="grid gap-6 xl:grid-cols-2">
            <AllocationSection
              id="by-bank"
              title={`${o.byBank} (${selected.currency})`}
              currency={selected.currency}
              slices={selected.byBank}
              labelOf={bankNamer(context)}
              locale={locale}
              t={t}
            />
            <AllocationSection
              id="by-country"
              title={`${o.byCountry} (${selected.currency})`}
              note={o.byCountryNote}
              currency={selected.currency}
              slices={selected.byIssuerCountry}
              labelOf={(key) => (key === NO_ISIN_KEY ? o.noIsin : issuerCountryName(key, locale))}
              locale={locale}
              t={t}
            />
          </div>

          <Card title={interpolate(o.performance, { currency: selected.currency })}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">
              {o.performanceNote}{" "}
              <Link className="text-brand-700 underline" href={`${base}/performance`}>
                {t.wealth.tabs.performance}
              </Link>
            </p>
            <DataTable
              caption={interpolate(o.performance, { currency: selected.currency })}
              columns={selected.performance.map((p) => ({ label: t.wealth.performance.periods[p.period], align: "right" as const }))}
              testId="overview-performance"
              isFramed={false}
            >
              <tr>
                {selected.performance.map((p) => (
                  <td key={p.period} className={`tabular py-2 pr-4 text-right ${p.ratio !== null && p.ratio < 0 ? "text-red-800" : ""}`}>
                    {percentText(p.ratio, locale, t)}
                  </td>
                ))}
              </tr>
            </DataTable>
          </Card>

          <Card title={`${o.history} (${selected.currency})`}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">{selected.history.length > 1 ? o.historyNote : o.historyEmpty}</p>
            {isBaseView ? (
              <p className="-mt-1 mb-3 text-sm text-slate-700" data-testid="history-fx-note">
                {f.historyByDayRate}
                {inBase.historyDaysWithoutRate > 0 ? ` ${interpolate(f.historyDaysWithoutRate, { count: inBase.historyDaysWithoutRate })}` : ""}
              </p>
            ) : null}
            <figure>
              <WealthLineChart
                data={selected.history.map((point) => ({
                  day: formatDay(point.day, locale),
                  net: chartFigure(point.netMinor, selected.currency),
                  assets: chartFigure(point.assetsMinor, selected.currency),
                  liabilities: chartFigure(point.liabilitiesMinor, selected.currency),
                }))}
                series={[
                  { key: "net", name: o.netSeries },
                  { key: "assets", name: o.assetsSeries },
                  { key: "liabilities", name: o.liabilitiesSeries },
                ]}
                xKey="day"
                xLabel={t.wealth.common.dateAxis}
                yLabel={interpolate(t.wealth.common.amountAxis, { currency: selected.currency })}
                currency={selected.currency}
                locale={INTL_LOCALE[locale]}
              />
              <figcaption className="sr-only">
                {o.history}. {t.wealth.common.chartAlternative}
              </figcaption>
            </figure>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-brand-700 underline">{o.showHistoryTable}</summary>
              <div className="mt-2">
                <DataTable
                  caption={`${o.history} (${selected.currency})`}
                  columns={[
                    { label: o.day },
                    { label: o.assetsSeries, align: "right" },
                    { label: o.liabilitiesSeries, align: "right" },
                    { label: o.netSeries, align: "right" },
                  ]}
                  testId="history-table"
                  isFramed={false}
                >
                  {selected.history.map((point) => (
                    <tr key={point.day}>
                      <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                        {formatDay(point.day, locale)}
                      </th>
                      {isHistoryGap(point) ? (
                        <td colSpan={3} className="py-1.5 pr-4 text-right text-slate-700">
                          {f.historyNoRate}
                        </td>
                      ) : (
                        <>
                          <td className="tabular py-1.5 pr-4 text-right">{formatMoney(money(point.assetsMinor, selected.currency), locale)}</td>
                          <td className="tabular py-1.5 pr-4 text-right">{formatMoney(money(point.liabilitiesMinor, selected.currency), locale)}</td>
                          <td className="tabular py-1.5 pr-4 text-right">{formatMoney(money(point.netMinor, selected.currency), locale)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </DataTable>
              </div>
            </details>
          </Card>

          {isBaseView ? <ByCurrencyInBase id="by-currency-base" figures={inBase} locale={locale} t={t} /> : null}
          <Card title={o.byCurrency}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">{o.byCurrencyNote}</p>
            <DataTable
              caption={o.byCurrency}
              columns={[
                { label: t.wealth.common.currency },
                { label: o.assets, align: "right" },
                { label: o.liabilities, align: "right" },
                { label: o.net, align: "right" },
              ]}
              testId="by-currency-table"
              isFramed={false}
            >
              {currencies.map((entry) => (
                <tr key={entry.currency}>
                  <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                    {entry.currency}
                  </th>
                  <td className="tabular py-1.5 pr-4 text-right">{formatMoney(entry.assets, locale)}</td>
                  <td className="tabular py-1.5 pr-4 text-right">{formatMoney(entry.liabilities, locale)}</td>
                  <td className="tabular py-1.5 pr-4 text-right">{formatMoney(entry.net, locale)}</td>
                </tr>
              ))}
            </DataTable>
          </Card>
        </>
      ) : null}
    </div>
  );
}

/** Assets, liabilities and net wealth of one currency (as held, or the base currency). */
function TotalsList({ figures, testId, size, locale, t }: { figures: TTotals; testId: string; size: "text-lg" | "text-2xl"; locale: TLocale; t: TMessages }) {
  const o = t.wealth.overview;
  const rows: [string, TMoney][] = [
    [o.assets, figures.assets],
    [o.liabilities, figures.liabilities],
    [o.net, figures.net],
  ];
  return (
    <dl className="grid grid-cols-3 gap-3" data-testid={testId}>
      {rows.map(([label, amount]) => (
        <div key={label}>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
          <dd className={`tabular mt-1 ${size} font-semibold text-slate-900`}>{formatMoney(amount, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
