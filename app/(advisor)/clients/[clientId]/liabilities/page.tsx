import { DataTable } from "@/components/ui/data-table";
import { LedgerTable } from "@/components/wealth/ledger-table";
import { liabilityTypeLabel, moneyText, orDash } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay, formatMoney, formatNumber } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { sumByCurrency } from "@/lib/money/money";
import { listLiabilities } from "@/lib/services/wealth/list-products";
import { listTransactions } from "@/lib/services/wealth/list-transactions";
import { parseLedgerQuery } from "@/lib/wealth/ledger-query";

export const generateMetadata = pageTitle("liabilities");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LiabilitiesPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { query, problems } = parseLedgerQuery(await searchParams);
  const [{ context, liabilities }, result] = await orNotFound(
    Promise.all([listLiabilities(user, clientId), listTransactions(user, clientId, "liability", query)]),
  );
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const l = t.wealth.liabilities;
  const date = (value: string | null) => (value ? formatDay(value, locale) : t.wealth.common.none);
  const totals = sumByCurrency(liabilities.map((x) => x.outstanding));
  return (
    <>
      <DataAsOf context={context} locale={locale} t={t} products={["liabilities", "liabilityTransactions"]} />
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{l.title}</h2>
        <p className="text-sm text-slate-800" data-testid="liabilities-total">
          {totals.map((total) => `${interpolate(l.total, { currency: total.currency })}: ${formatMoney(total, locale)}`).join(" · ")}
        </p>
      </div>
      {liabilities.length === 0 ? (
        <SectionEmpty text={l.empty} />
      ) : (
        <DataTable
          caption={l.title}
          testId="liabilities-table"
          isCompact
          columns={[
            { label: l.name },
            { label: l.type },
            { label: t.wealth.common.bank },
            { label: l.outstanding, align: "right" },
            { label: l.initial, align: "right" },
            { label: l.limit, align: "right" },
            { label: l.available, align: "right" },
            { label: l.rate },
            { label: l.opening },
            { label: l.expiration },
            { label: l.periodicity },
          ]}
        >
          {liabilities.map((item) => (
            <tr key={item.id}>
              <td className="px-3 py-2 font-medium">
                {item.name}
                <span className="block text-xs font-normal text-slate-600">{item.contractNumber ? `${l.contract} ${item.contractNumber}` : ""}</span>
              </td>
              <td className="px-3 py-2">
                {liabilityTypeLabel(item.type, locale, t)}
                {/* As sent: the reference points to a list of subtypes it does not include (docs/decisions/040). */}
                {item.subtype ? <span className="block text-xs text-slate-600">{interpolate(l.subtype, { subtype: item.subtype })}</span> : null}
              </td>
              <td className="px-3 py-2">{item.bank}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(item.outstanding, locale, t)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(item.initialCapital, locale, t)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(item.limit, locale, t)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(item.available, locale, t)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {item.rate === null ? t.wealth.common.none : `${formatNumber(item.rate, locale, 3)} %`}
                {item.rateType === "fixed" || item.rateType === "variable" ? ` (${l.rateType[item.rateType]})` : ""}
                {item.benchmark ? ` · ${item.benchmark}` : ""}
                {item.spread ? ` · ${interpolate(l.spread, { spread: item.spread })}` : ""}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{date(item.openingDate)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(item.expirationDate)}</td>
              <td className="px-3 py-2">{orDash(item.periodicity, t)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <LedgerTable
        kind="liability"
        clientId={context.clientId}
        basePath={`/clients/${context.clientId}/liabilities`}
        result={result}
        query={query}
        problems={problems}
        locale={locale}
        t={t}
        title={l.transactions}
      />
    </>
  );
}
