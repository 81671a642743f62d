import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { decimalText, investmentTypeLabel, moneyText, orDash, percentText } from "@/components/wealth/labels";
import { DataAsOf } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay, formatNumber } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { getInvestment } from "@/lib/services/wealth/get-investment";
import { getWealthContext } from "@/lib/services/wealth/wealth-context";
import { PERFORMANCE_PERIODS } from "@/lib/wealth/performance";

export const generateMetadata = pageTitle("investment");

type TProps = { params: Promise<{ clientId: string; investmentId: string }> };

/** Ratios shown as percentages; the others (Sharpe, beta, P/E…) as plain numbers. */
const PERCENT_ANALYTICS = new Set(["risk", "volatility", "tracking_error_ratio", "ROE", "ROA"]);

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-4 border-b border-slate-100 py-1">
          <dt className="text-slate-700">{label}</dt>
          <dd className="tabular text-right font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === "object" ? JSON.stringify(value) : String(value);

export default async function InvestmentDetailPage({ params }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId, investmentId } = await params;
  const inv = await orNotFound(getInvestment(user, clientId, investmentId));
  const context = await getWealthContext(user, clientId);
  const i = t.wealth.investments;
  const none = t.wealth.common.none;
  const date = (value: string | null) => (value ? formatDay(value, locale) : none);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clients/${context.clientId}/investments`} className="text-brand-700 underline">
          {i.back}
        </Link>
      </p>
      <DataAsOf
        context={{ ...context, connections: context.connections.filter((c) => c.id === inv.connection?.id) }}
        locale={locale}
        t={t}
        products={["investments"]}
      />
      <h2 className="mb-1 text-xl font-bold text-slate-900">{inv.name}</h2>
      <p className="mb-4 text-sm text-slate-700">
        <span className="font-mono">{inv.isin}</span> · {investmentTypeLabel(inv.type, locale, t)} · {inv.bank}
      </p>
      <div className="space-y-6">
        <Card title={i.detailTitle}>
          <Rows
            rows={[
              [i.columns.portfolio, orDash(inv.portfolio, t)],
              [i.sybtype, orDash(inv.sybtype, t)],
              [inv.isNominal ? i.nominal : i.columns.quantity, decimalText(inv.quantity, locale, t)],
              [i.columns.price, decimalText(inv.price, locale, t, 4)],
              [i.columns.value, moneyText(inv.value, locale, t)],
              [i.columns.cost, moneyText(inv.cost, locale, t)],
              [i.columns.gain, moneyText(inv.gain, locale, t)],
              [i.columns.performance, percentText(inv.performance, locale, t)],
              [i.initialDate, date(inv.initialDate)],
              [i.valuationDate, date(inv.valuationDate)],
              [i.expirationDate, date(inv.expirationDate)],
              [i.market, orDash(inv.market, t)],
              [i.operatingMarket, orDash(inv.operatingMarket, t)],
            ]}
          />
        </Card>

        <Card title={i.performanceDetail}>
          <table className="min-w-full text-sm" data-testid="performance-detail">
            <thead className="text-left text-slate-700">
              <tr className="border-b border-slate-200">
                {PERFORMANCE_PERIODS.map((period) => (
                  <th key={period} scope="col" className="px-2 py-2 text-right font-semibold">
                    {t.wealth.performance.periods[period]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {PERFORMANCE_PERIODS.map((period) => (
                  <td key={period} className="tabular px-2 py-2 text-right">
                    {percentText(inv.performanceDetail?.[period], locale, t)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </Card>

        <Card title={i.analytics}>
          {inv.analytics ? (
            <>
              <p className="-mt-2 mb-3 text-sm text-slate-700">{i.analyticsNote}</p>
              <Rows
                rows={Object.entries(i.analyticsNames).map(([key, label]) => {
                  const value = inv.analytics?.[key];
                  return [
                    label,
                    typeof value === "number" ? (PERCENT_ANALYTICS.has(key) ? percentText(value, locale, t) : formatNumber(value, locale, 4)) : none,
                  ];
                })}
              />
            </>
          ) : (
            <p className="text-sm text-slate-700">{i.notApplicable}</p>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={i.cnmv}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">{i.cnmvNote}</p>
            {inv.cnmv ? (
              <Rows rows={Object.entries(i.cnmvNames).map(([key, label]) => [label, orDash(text(inv.cnmv?.[key]), t)])} />
            ) : (
              <p className="text-sm text-slate-700">{i.notApplicable}</p>
            )}
          </Card>
          <Card title={i.dgs}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">{i.dgsNote}</p>
            {inv.dgs ? (
              <Rows rows={Object.entries(i.dgsNames).map(([key, label]) => [label, orDash(text(inv.dgs?.[key]), t)])} />
            ) : (
              <p className="text-sm text-slate-700">{i.notApplicable}</p>
            )}
          </Card>
          <Card title={i.interest}>
            {inv.interest ? (
              <Rows
                rows={[
                  // interest.rate is a percentage per the reference (unlike performance): 2.5 means 2.5 %.
                  [i.interestRate, typeof inv.interest.rate === "number" ? `${formatNumber(inv.interest.rate, locale, 4)} %` : none],
                  [i.benchmark, inv.interest.benchmark ? String(inv.interest.benchmark) : i.fixedRate],
                ]}
              />
            ) : (
              <p className="text-sm text-slate-700">{i.notApplicable}</p>
            )}
          </Card>
          <Card title={i.countryModel}>
            <p className="-mt-2 mb-3 text-sm text-slate-700">{i.countryModelNote}</p>
            {inv.countryModel.length ? (
              inv.countryModel.map((entry, index) => <Rows key={index} rows={Object.entries(entry).map(([key, value]) => [key, orDash(text(value), t)])} />)
            ) : (
              <p className="text-sm text-slate-700">{i.notApplicable}</p>
            )}
          </Card>
        </div>

        <Card title={i.publicDetail}>
          {inv.detail && Object.keys(inv.detail).length ? (
            <Rows rows={Object.entries(inv.detail).map(([key, value]) => [key, orDash(text(value), t)])} />
          ) : (
            <p className="text-sm text-slate-700">{i.notApplicable}</p>
          )}
        </Card>
        {Object.keys(inv.extra).length ? (
          <Card title={i.extra}>
            <Rows rows={Object.entries(inv.extra).map(([key, value]) => [key, orDash(text(value), t)])} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
