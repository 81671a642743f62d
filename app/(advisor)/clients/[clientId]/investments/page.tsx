import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { investmentTypeLabel, moneyText, percentText, decimalText, orDash } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { Pagination } from "@/components/ui/pagination";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { formatMoney } from "@/lib/i18n/format";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { INVESTMENT_SORTS, listInvestments, ZInvestmentListQuerySchema, type TInvestmentListQuery } from "@/lib/services/wealth/list-investments";

export const generateMetadata = pageTitle("investments");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function hrefWith(base: string, query: TInvestmentListQuery, changes: Partial<TInvestmentListQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

const NUMERIC = new Set(["quantity", "value", "gain", "performance"]);

export default async function InvestmentsPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const raw = await searchParams;
  const query = ZInvestmentListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const list = await orNotFound(listInvestments(user, clientId, query));
  const i = t.wealth.investments;
  if (!list.context.hasData) return <WealthGate context={list.context} t={t} />;
  const base = `/clients/${list.context.clientId}/investments`;
  const columns = ["name", "isin", "type", "bank", "portfolio", "quantity", "price", "value", "cost", "gain", "performance"] as const;
  const sortable = new Set<string>(INVESTMENT_SORTS);
  const hasFilters = Boolean(query.q || query.type || query.bank || query.portfolio);
  return (
    <>
      <DataAsOf context={list.context} locale={locale} t={t} products={["investments", "portfolios"]} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{i.title}</h2>
        <Link href={`${base}/transactions`} className="text-sm text-brand-700 underline">
          {i.transactionsLink} →
        </Link>
      </div>
      <FilterBar
        action={base}
        keep={{ sort: query.sort, dir: query.dir, portfolio: query.portfolio }}
        submitLabel={t.wealth.common.apply}
        after={
          hasFilters ? (
            <Link href={base} className="px-2 py-2 text-sm text-brand-700 underline">
              {t.wealth.common.clear}
            </Link>
          ) : null
        }
      >
        <TextField id="inv-q" name="q" type="search" label={i.search} defaultValue={query.q ?? ""} className="min-w-56 flex-1" />
        <SelectField
          id="inv-type"
          name="type"
          label={i.type}
          defaultValue={query.type ?? ""}
          options={[{ value: "", label: i.allTypes }, ...list.types.map((type) => ({ value: type, label: investmentTypeLabel(type, locale, t) }))]}
        />
        <SelectField id="inv-bank" name="bank" label={i.bank} defaultValue={query.bank ?? ""} options={[{ value: "", label: i.allBanks }, ...list.banks]} />
      </FilterBar>
      <p className="mb-2 text-sm text-slate-700" role="status" data-testid="investment-count">
        {interpolate(i.count, { shown: list.matching, total: list.total })}
        {query.portfolio ? ` ${interpolate(i.portfolioFilter, { name: list.rows[0]?.portfolio ?? query.portfolio })}` : ""}
      </p>
      {list.totals.length ? (
        <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="investment-totals">
          {list.totals.map((total) => (
            <div key={total.currency} className="flex gap-2">
              <dt className="text-slate-700">{interpolate(i.totalIn, { currency: total.currency, count: total.positions })}</dt>
              <dd className="tabular font-semibold text-slate-900">{formatMoney(total.value, locale)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {list.total === 0 ? (
        <SectionEmpty text={i.empty} />
      ) : list.matching === 0 ? (
        <SectionEmpty text={i.noMatches} />
      ) : (
        <DataTable
          caption={i.title}
          testId="investments-table"
          isCompact
          columns={columns.map((column) => {
            const isSorted = (query.sort ?? "name") === column;
            const dir = query.dir ?? "asc";
            return {
              align: NUMERIC.has(column) || column === "price" || column === "cost" ? "right" : "left",
              sort: isSorted ? (dir === "asc" ? "ascending" : "descending") : undefined,
              label: sortable.has(column) ? (
                <Link
                  href={hrefWith(base, query, {
                    page: undefined,
                    sort: column as TInvestmentListQuery["sort"],
                    dir: isSorted && dir === "asc" ? "desc" : isSorted ? "asc" : NUMERIC.has(column) ? "desc" : "asc",
                  })}
                  className="inline-flex items-center gap-1 hover:underline"
                  aria-label={interpolate(i.sortBy, { column: i.columns[column] })}
                >
                  {i.columns[column]}
                  <span aria-hidden="true">{isSorted ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                </Link>
              ) : (
                i.columns[column]
              ),
            };
          })}
        >
          {list.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2">
                <Link href={`${base}/${row.id}`} className="font-medium text-brand-700 underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.isin}</td>
              <td className="px-3 py-2">{investmentTypeLabel(row.type, locale, t)}</td>
              <td className="px-3 py-2">{row.bank}</td>
              <td className="px-3 py-2">{orDash(row.portfolio, t)}</td>
              <td className="tabular px-3 py-2 text-right">{decimalText(row.quantity, locale, t)}</td>
              <td className="tabular px-3 py-2 text-right">{decimalText(row.price, locale, t, 4)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(row.value, locale, t)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(row.cost, locale, t)}</td>
              <td className={`tabular px-3 py-2 text-right whitespace-nowrap ${row.gain && row.gain.minor < 0n ? "text-red-800" : ""}`}>
                {moneyText(row.gain, locale, t)}
              </td>
              <td className={`tabular px-3 py-2 text-right ${row.performance !== null && row.performance < 0 ? "text-red-800" : ""}`}>
                {percentText(row.performance, locale, t)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination t={t} page={list.page} pageCount={list.pageCount} hrefFor={(page) => hrefWith(base, query, { page: page > 1 ? page : undefined })} />
    </>
  );
}
