import { AllocationSection } from "@/components/wealth/allocation-section";
import { ByCurrencyInBase } from "@/components/wealth/by-currency-in-base";
import { FxRatesNote } from "@/components/wealth/fx-rates-note";
import { investmentTypeLabel } from "@/components/wealth/labels";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { connectionStateLabel } from "@/lib/connections/connection-state-label";
import type { THousehold } from "@/lib/services/households/get-household";
import type { THouseholdBaseWealth } from "@/lib/services/households/get-household-base-wealth";
import type { THouseholdProduct } from "@/lib/services/households/get-household-wealth";
import type { TCurrencyTotals } from "@/lib/wealth/base-currency-overview";
import { ACCOUNTS_KEY } from "@/lib/wealth/snapshot";

const CHIP_SELECTED = "border-brand-700 bg-brand-50 font-semibold text-brand-800";
const CHIP = "border-slate-300 bg-white text-slate-800 hover:bg-slate-100";

type TProps = { household: THousehold; wealth: THouseholdBaseWealth; selectedCurrency: string | undefined; locale: TLocale; t: TMessages };

/**
 * The members' wealth added up (each product once), first in the base currency as the client
 * overview shows it, the per-currency figures one click away; then the joint products, the
 * liabilities and the connections.
 */
export function HouseholdWealth({ household, wealth, selectedCurrency, locale, t }: TProps) {
  const h = t.households;
  const o = t.wealth.overview;
  const f = t.fx;
  const nameOf = new Map(household.members.map((member) => [member.clientId, member.displayName]));
  const bankName = (id: string) => wealth.bankNames[id] ?? id;
  const { base: inBase } = wealth;
  // No ?ccy (or one the household does not hold): every currency together, in the base currency.
  const held = wealth.currencies.find((c) => c.currency === selectedCurrency);
  const selected = held ?? inBase;
  const isBaseView = held === undefined;
  const href = `/households/${household.id}`;
  const chip = (isCurrent: boolean) => `rounded-full border px-3 py-1 ${isCurrent ? CHIP_SELECTED : CHIP}`;
  if (household.members.length === 0)
    return (
      <Card title={h.wealthTitle}>
        <p className="text-sm text-slate-700">{h.noMembersWealth}</p>
      </Card>
    );
  return (
    <>
      <section aria-labelledby="household-wealth-title">
        <h2 id="household-wealth-title" className="mb-3 text-lg font-semibold text-slate-900">
          {h.wealthTitle}
        </h2>
        {!wealth.hasData || wealth.currencies.length === 0 ? (
          <p className="text-sm text-slate-700">{h.noData}</p>
        ) : (
          <div className="flex flex-col gap-4">
            <Card title={interpolate(f.baseTotalsTitle, { currency: inBase.currency })}>
              <TotalsList figures={inBase} testIdSuffix="base" size="text-2xl" locale={locale} t={t} />
              <div className="mt-3">
                <FxRatesNote
                  base={inBase.currency}
                  ratesDay={inBase.ratesDay}
                  notConverted={inBase.notConverted.map((entry) => entry.net)}
                  hasOtherCurrencies={wealth.currencies.some((c) => c.currency !== inBase.currency)}
                  locale={locale}
                  t={t}
                />
              </div>
            </Card>
            <section aria-labelledby="household-per-currency-title">
              <h3 id="household-per-currency-title" className="mb-2 text-sm font-semibold text-slate-800">
                {f.perCurrencyTitle}
              </h3>
              <div className="grid gap-4 md:grid-cols-2">
                {wealth.currencies.map((entry) => (
                  <Card key={entry.currency} title={interpolate(h.totalsTitle, { currency: entry.currency })}>
                    <TotalsList figures={entry} testIdSuffix={entry.currency} size="text-lg" locale={locale} t={t} />
                  </Card>
                ))}
              </div>
            </section>
            <p className="text-sm text-slate-700">{h.totalsNote}</p>
            <nav aria-label={o.currencyPicker} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-800">{o.currencyPicker}:</span>
              <Link href={href} aria-current={isBaseView ? "true" : undefined} className={chip(isBaseView)}>
                {interpolate(f.allInBase, { currency: inBase.currency })}
              </Link>
              {wealth.currencies.map((entry) => (
                <Link
                  key={entry.currency}
                  href={`${href}?ccy=${entry.currency}`}
                  aria-current={!isBaseView && entry.currency === selected.currency ? "true" : undefined}
                  className={chip(!isBaseView && entry.currency === selected.currency)}
                >
                  {entry.currency}
                </Link>
              ))}
            </nav>
            <div className="grid gap-6 xl:grid-cols-2">
              <AllocationSection
                id="household-by-type"
                title={`${o.byType} (${selected.currency})`}
                currency={selected.currency}
                slices={selected.byType}
                labelOf={(key) => (key === ACCOUNTS_KEY ? o.accountsBucket : investmentTypeLabel(key, locale, t))}
                locale={locale}
                t={t}
              />
              <AllocationSection
                id="household-by-bank"
                title={`${o.byBank} (${selected.currency})`}
                currency={selected.currency}
                slices={selected.byBank}
                labelOf={bankName}
                locale={locale}
                t={t}
              />
            </div>
            {isBaseView ? <ByCurrencyInBase id="household-by-currency-base" figures={inBase} locale={locale} t={t} /> : null}
          </div>
        )}
      </section>

      <Card title={h.sharedTitle}>
        <p className="-mt-2 mb-3 text-sm text-slate-700">{h.sharedNote}</p>
        <ProductsOrEmpty
          empty={h.sharedEmpty}
          caption={h.sharedCaption}
          products={wealth.sharedProducts}
          testId="household-shared"
          nameOf={nameOf}
          bankName={bankName}
          locale={locale}
          t={t}
        />
      </Card>

      <Card title={h.liabilitiesTitle}>
        <ProductsOrEmpty
          empty={h.liabilitiesEmpty}
          caption={h.liabilitiesCaption}
          products={wealth.liabilities}
          testId="household-liabilities"
          nameOf={nameOf}
          bankName={bankName}
          locale={locale}
          t={t}
        />
      </Card>

      <Card title={h.connectionsTitle}>
        {wealth.connections.length === 0 ? (
          <p className="text-sm text-slate-700">{h.connectionsEmpty}</p>
        ) : (
          <DataTable
            caption={h.connectionsCaption}
            columns={[{ label: h.member }, { label: t.connections.bank }, { label: t.connections.state }, { label: t.connections.lastUpdate }]}
            testId="household-connections"
            isFramed={false}
          >
            {wealth.connections.map(({ clientId, connection }) => (
              <tr key={connection.id}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  <Link href={`/clients/${clientId}/connections`} className="text-brand-700 underline">
                    {nameOf.get(clientId) ?? clientId}
                  </Link>
                </th>
                <td className="py-2 pr-4">{connection.bankLabel}</td>
                <td className="py-2 pr-4" data-state={connection.state}>
                  {connectionStateLabel(connection, t.connections)}
                </td>
                <td className="py-2 pr-4">{connection.lastUpdate ?? t.common.none}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

/** Assets, liabilities and net wealth in one currency (as held, or the base currency), each with its exact minor units. */
function TotalsList({
  figures,
  testIdSuffix,
  size,
  locale,
  t,
}: {
  figures: TCurrencyTotals;
  testIdSuffix: string;
  size: "text-lg" | "text-2xl";
  locale: TLocale;
  t: TMessages;
}) {
  const o = t.wealth.overview;
  const rows = [
    [o.assets, figures.assets, "assets"],
    [o.liabilities, figures.liabilities, "liabilities"],
    [o.net, figures.net, "net"],
  ] as const;
  return (
    <dl className="grid grid-cols-3 gap-3" data-testid={`household-totals-${testIdSuffix}`}>
      {rows.map(([label, amount, key]) => (
        <div key={key}>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
          <dd
            className={`tabular mt-1 ${size} font-semibold text-slate-900`}
            data-testid={`household-${key}-${testIdSuffix}`}
            data-minor={amount.minor.toString()}
          >
            {formatMoney(amount, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The products' table, or the sentence saying there are none. */
function ProductsOrEmpty({ empty, ...table }: { empty: string } & Parameters<typeof ProductTable>[0]) {
  return table.products.length === 0 ? <p className="text-sm text-slate-700">{empty}</p> : <ProductTable {...table} />;
}

function ProductTable({
  caption,
  products,
  testId,
  nameOf,
  bankName,
  locale,
  t,
}: {
  caption: string;
  products: THouseholdProduct[];
  testId: string;
  nameOf: Map<string, string>;
  bankName: (id: string) => string;
  locale: TLocale;
  t: TMessages;
}) {
  const h = t.households;
  return (
    <DataTable
      caption={caption}
      columns={[{ label: h.product }, { label: h.kind }, { label: h.reference }, { label: h.bank }, { label: h.balance, align: "right" }, { label: h.holders }]}
      testId={testId}
      isFramed={false}
    >
      {products.map((product, index) => (
        <tr key={`${product.kind}-${product.reference}-${index}`}>
          <th scope="row" className="py-2 pr-4 text-left font-medium">
            {product.name}
          </th>
          <td className="py-2 pr-4">{h.kinds[product.kind]}</td>
          <td className="py-2 pr-4 font-mono text-xs">{product.reference || t.common.none}</td>
          <td className="py-2 pr-4">{bankName(product.bankId)}</td>
          <td className="tabular py-2 pr-4 text-right whitespace-nowrap" data-minor={product.balance.minor.toString()} data-currency={product.balance.currency}>
            {formatMoney(product.balance, locale)}
          </td>
          <td className="py-2 pr-4">{product.holderClientIds.map((id) => nameOf.get(id) ?? id).join(", ")}</td>
        </tr>
      ))}
    </DataTable>
  );
}
