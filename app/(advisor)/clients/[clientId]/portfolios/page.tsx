import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { decimalText, investmentTypeLabel, moneyText, orDash, portfolioTypeLabel } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatMoney } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { listPortfolios, type TPositionGroup } from "@/lib/services/wealth/list-portfolios";

export const generateMetadata = pageTitle("portfolios");

type TProps = { params: Promise<{ clientId: string }> };

/** A group's positions, largest first, with their totals per currency and a link to the rest. */
function Positions({
  group,
  caption,
  base,
  allHref,
  testId,
  locale,
  t,
}: {
  group: TPositionGroup;
  caption: string;
  base: string;
  allHref: string | null;
  testId: string;
  locale: TLocale;
  t: TMessages;
}) {
  const p = t.wealth.portfolios;
  if (group.positionCount === 0) return <SectionEmpty text={p.positionsEmpty} />;
  return (
    <>
      <DataTable
        caption={caption}
        testId={testId}
        isCompact
        columns={[
          { label: p.columns.name },
          { label: p.columns.isin },
          { label: p.columns.type },
          { label: p.columns.quantity, align: "right" },
          { label: p.columns.value, align: "right" },
        ]}
      >
        {group.positions.map((position) => (
          <tr key={position.id}>
            <td className="px-3 py-2">
              <Link href={`${base}/investments/${position.id}`} className="font-medium text-brand-700 underline">
                {position.name}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono text-xs">{position.isin}</td>
            <td className="px-3 py-2">{investmentTypeLabel(position.type, locale, t)}</td>
            <td className="tabular px-3 py-2 text-right">{decimalText(position.quantity, locale, t)}</td>
            <td className={`tabular px-3 py-2 text-right whitespace-nowrap ${position.value.minor < 0n ? "text-red-800" : ""}`}>
              {moneyText(position.value, locale, t)}
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-700">
        <p data-testid={`${testId}-totals`}>
          {group.positionTotals.map((total) => `${interpolate(p.positionsIn, { currency: total.currency })}: ${formatMoney(total, locale)}`).join(" · ")}
        </p>
        {group.positionCount > group.positions.length ? (
          <p>
            {interpolate(p.shownOf, { shown: group.positions.length, total: group.positionCount })}{" "}
            {allHref ? (
              <Link href={allHref} className="text-brand-700 underline">
                {interpolate(p.allPositions, { total: group.positionCount })} →
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
    </>
  );
}

export default async function PortfoliosPage({ params }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { context, portfolios, unassigned } = await orNotFound(listPortfolios(user, clientId));
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const p = t.wealth.portfolios;
  const base = `/clients/${context.clientId}`;
  return (
    <>
      <DataAsOf context={context} locale={locale} t={t} products={["portfolios", "investments", "holders"]} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{p.title}</h2>
      {portfolios.length === 0 ? <SectionEmpty text={p.empty} /> : null}
      <div className="space-y-6">
        {portfolios.map((portfolio) => {
          const headingId = `portfolio-${portfolio.id}`;
          const holders = portfolio.holders.length ? portfolio.holders.map((h) => `${h.name} (${h.rel})`).join(", ") : t.wealth.common.noHolders;
          return (
            <section key={portfolio.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="portfolio">
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={headingId} className="text-base font-semibold text-slate-900">
                  {portfolio.name} <span className="font-normal text-slate-700">· {portfolio.bank}</span>
                </h3>
                <p className="tabular text-base font-semibold text-slate-900" data-testid="portfolio-balance">
                  {formatMoney(portfolio.balance, locale)}
                </p>
              </div>
              <dl className="mb-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
                <div>
                  <dt className="text-slate-700">{p.type}</dt>
                  <dd className="text-slate-900">{portfolioTypeLabel(portfolio.type, locale, t)}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{p.securitiesAccount}</dt>
                  <dd className="font-mono text-xs text-slate-900">{orDash(portfolio.securitiesAccount, t)}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{p.cashAccounts}</dt>
                  <dd className="font-mono text-xs text-slate-900">
                    {portfolio.cashAccounts.length ? portfolio.cashAccounts.join(", ") : t.wealth.common.none}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-700">{p.owners}</dt>
                  <dd className="text-slate-900">{portfolio.owners.length ? portfolio.owners.join(", ") : t.wealth.common.none}</dd>
                </div>
                <div>
                  <dt className="text-slate-700">{t.wealth.common.holders}</dt>
                  <dd className="text-slate-900">{holders}</dd>
                </div>
              </dl>
              <Positions
                group={portfolio}
                caption={interpolate(p.positionsTitle, { name: portfolio.name })}
                base={base}
                allHref={`${base}/investments?portfolio=${encodeURIComponent(portfolio.flanksId)}`}
                testId="portfolio-positions"
                locale={locale}
                t={t}
              />
            </section>
          );
        })}
        {unassigned.positionCount > 0 ? (
          <section aria-labelledby="portfolio-unassigned" className="rounded-lg border border-amber-300 bg-white p-4" data-testid="portfolio-unassigned">
            <h3 id="portfolio-unassigned" className="mb-1 text-base font-semibold text-slate-900">
              {p.unassignedTitle}
            </h3>
            <p className="mb-3 text-sm text-slate-700">{p.unassignedNote}</p>
            <Positions group={unassigned} caption={p.unassignedTitle} base={base} allHref={null} testId="unassigned-positions" locale={locale} t={t} />
          </section>
        ) : null}
      </div>
    </>
  );
}
