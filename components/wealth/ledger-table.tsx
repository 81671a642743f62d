import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { BusyRegion, RegionLink } from "@/components/ui/deferred-link";
import { Pagination } from "@/components/ui/pagination";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { formatDay, formatNumber } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TLedgerPage, TLedgerRow } from "@/lib/services/wealth/list-transactions";
import { LEDGER_PAGE_SIZES, ledgerSearch, type TLedgerKind, type TLedgerProblem, type TLedgerQuery, type TLedgerSort } from "@/lib/wealth/ledger-query";
import type { TFigure } from "@/lib/wealth/transaction-details";
import { accountTxTypeLabel, decimalText, investmentTxTypeLabel, moneyText, orDash } from "./labels";
import { SectionEmpty } from "./wealth-status";

type TColumn =
  | "date"
  | "valueDate"
  | "description"
  | "category"
  | "type"
  | "counterparty"
  | "product"
  | "quantity"
  | "unitPrice"
  | "commission"
  | "retention"
  | "expenses"
  | "exchange"
  | "originGain"
  | "amount"
  | "balance";

const COLUMNS: Record<TLedgerKind, TColumn[]> = {
  account: ["date", "valueDate", "description", "type", "counterparty", "category", "product", "amount", "balance"],
  card: ["date", "valueDate", "description", "category", "product", "commission", "amount"],
  // The net amount before the costs: on a narrow screen the figure that matters most stays in view.
  investment: [
    "date",
    "valueDate",
    "description",
    "product",
    "type",
    "quantity",
    "unitPrice",
    "amount",
    "commission",
    "retention",
    "expenses",
    "exchange",
    "originGain",
  ],
  liability: ["date", "valueDate", "description", "product", "type", "amount", "balance"],
};
const SORTABLE: Partial<Record<TColumn, TLedgerSort>> = { date: "date", valueDate: "valueDate", description: "description", amount: "amount" };
const NUMERIC = new Set<TColumn>(["amount", "balance", "quantity", "unitPrice", "commission", "retention", "expenses", "exchange", "originGain"]);

/** A total with its breakdown below it ("broker 1,20 €"), as Flanks gives them. */
function FigureCell({ figure, locale, t }: { figure: TFigure | undefined; locale: TLocale; t: TMessages }) {
  if (!figure || (figure.total === null && figure.parts.length === 0)) return <>{t.wealth.common.none}</>;
  const names: Record<string, string> = t.wealth.ledger.breakdown;
  return (
    <>
      {figure.total ? moneyText(figure.total, locale, t) : t.wealth.common.none}
      {figure.parts.map((part) => (
        <span key={part.key} className="block text-xs text-slate-600">
          {names[part.key] ?? part.key} {moneyText(part.amount, locale, t)}
        </span>
      ))}
    </>
  );
}

/** What one cell shows; the columns a kind has are in COLUMNS. */
function cellContent(kind: TLedgerKind, column: TColumn, row: TLedgerRow, locale: TLocale, t: TMessages): ReactNode {
  const l = t.wealth.ledger;
  const investment = row.investment;
  switch (column) {
    case "date":
      return formatDay(row.date, locale);
    case "valueDate":
      return formatDay(row.valueDate, locale);
    case "description":
      return orDash(row.description, t);
    case "category":
      return orDash(row.category, t);
    case "type":
      return kind === "investment"
        ? investmentTxTypeLabel(row.typeCode, t, investment?.reversalType)
        : kind === "account"
          ? accountTxTypeLabel(row.typeCode, t)
          : orDash(row.typeCode, t);
    case "counterparty": {
      const party = row.counterparty;
      if (!party) return t.wealth.common.none;
      const who = [party.name, party.iban].filter(Boolean).join(" · ");
      return interpolate(party.direction === "to" ? l.counterpartyTo : l.counterpartyFrom, { party: who });
    }
    case "product":
      return row.product;
    case "quantity":
      return decimalText(row.quantity, locale, t);
    case "unitPrice":
      return decimalText(row.unitPrice, locale, t);
    case "commission":
      return kind === "card" ? moneyText(row.commission, locale, t) : <FigureCell figure={investment?.commission} locale={locale} t={t} />;
    case "retention":
      return <FigureCell figure={investment?.retention} locale={locale} t={t} />;
    case "expenses":
      return <FigureCell figure={investment?.expenses} locale={locale} t={t} />;
    case "exchange": {
      const exchange = investment?.exchange;
      if (!exchange) return t.wealth.common.none;
      const rate = decimalText(exchange.rate, locale, t, 8);
      return exchange.to && exchange.to !== exchange.from ? interpolate(l.exchangeRate, { from: exchange.from, rate, to: exchange.to }) : rate;
    }
    case "originGain": {
      const gain = investment?.originGain;
      if (!gain) return t.wealth.common.none;
      return (
        <>
          {moneyText(gain.amount, locale, t)}
          {gain.date && /^\d{4}-\d{2}-\d{2}/.test(gain.date) ? (
            <span className="block text-xs text-slate-600">{interpolate(l.acquiredOn, { date: formatDay(gain.date, locale) })}</span>
          ) : null}
        </>
      );
    }
    case "amount":
      return moneyText(row.amount, locale, t);
    case "balance":
      return moneyText(row.balance, locale, t);
  }
}

/**
 * A transactions table paged, sorted and filtered on the server through URL parameters (works
 * without JavaScript; every state has a URL). Ignored parameters are named above the table.
 */
export function LedgerTable({
  kind,
  clientId,
  basePath,
  result,
  query,
  problems,
  locale,
  t,
  title,
}: {
  kind: TLedgerKind;
  clientId: string;
  basePath: string;
  result: TLedgerPage;
  query: TLedgerQuery;
  problems: TLedgerProblem[];
  locale: TLocale;
  t: TMessages;
  title: string;
}) {
  const l = t.wealth.ledger;
  const columnName = (column: TColumn) =>
    kind === "card" && column === "description" ? l.columns.shop : column === "product" ? l.product[kind] : l.columns[column];
  const hasFilters = Boolean(query.product || query.from || query.to || query.min || query.max || query.q);
  const csvHref = `/api/clients/${clientId}/transactions/${kind}/csv${ledgerSearch({ ...query, page: 1 })}`;
  const fieldId = (name: string) => `${kind}-${name}`;
  return (
    <section aria-labelledby={fieldId("title")} className="mt-8">
      <h2 id={fieldId("title")} className="mb-3 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {problems.length ? (
        <div className="mb-3">
          <Alert tone="warning" live>
            <ul>
              {problems.map((problem) => (
                <li key={problem.field}>{interpolate(l.cleared, { field: l.fieldNames[problem.field], value: problem.value })}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <FilterBar
        action={basePath}
        label={l.filters}
        layout="grid"
        keep={{ sort: query.sort, dir: query.dir }}
        submitLabel={t.wealth.common.apply}
        after={
          <>
            {hasFilters ? (
              <Link
                href={`${basePath}${ledgerSearch({ ...query, page: 1, product: undefined, from: undefined, to: undefined, min: undefined, max: undefined, q: undefined })}`}
                className="rounded-md px-3 py-2 text-sm text-brand-700 underline"
              >
                {t.wealth.common.clear}
              </Link>
            ) : null}
            <a
              href={csvHref}
              download
              className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
              title={l.exportNote}
            >
              {l.exportCsv}
            </a>
          </>
        }
      >
        <SelectField
          id={fieldId("product")}
          name="product"
          label={l.product[kind]}
          defaultValue={query.product ?? ""}
          options={[{ value: "", label: l.allProducts }, ...result.products]}
          className="col-span-2"
        />
        <TextField id={fieldId("from")} name="from" type="date" label={l.from} defaultValue={query.from ?? ""} />
        <TextField id={fieldId("to")} name="to" type="date" label={l.to} defaultValue={query.to ?? ""} />
        <TextField id={fieldId("min")} name="min" inputMode="decimal" label={l.min} defaultValue={query.min ?? ""} />
        <TextField id={fieldId("max")} name="max" inputMode="decimal" label={l.max} defaultValue={query.max ?? ""} />
        <TextField id={fieldId("q")} name="q" type="search" label={l.q} defaultValue={query.q ?? ""} />
        <SelectField
          id={fieldId("size")}
          name="size"
          label={l.pageSize}
          defaultValue={String(query.size)}
          options={LEDGER_PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
        />
      </FilterBar>
      <p className="mb-2 text-sm text-slate-700" role="status" data-testid={`${kind}-count`}>
        {interpolate(l.count, { total: formatNumber(result.total, locale) })}
      </p>
      {result.rows.length === 0 ? (
        <SectionEmpty text={hasFilters ? l.noMatches : l.empty} />
      ) : (
        <BusyRegion>
          <DataTable
            caption={title}
            testId={`${kind}-table`}
            isCompact
            columns={COLUMNS[kind].map((column) => {
              const sort = SORTABLE[column];
              const isSorted = sort !== undefined && query.sort === sort;
              const nextDir = isSorted && query.dir === "desc" ? "asc" : isSorted ? "desc" : column === "description" ? "asc" : "desc";
              return {
                align: NUMERIC.has(column) ? "right" : "left",
                sort: isSorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
                label: sort ? (
                  <RegionLink
                    href={`${basePath}${ledgerSearch(query, { sort, dir: nextDir, page: 1 })}`}
                    className="inline-flex items-center gap-1 hover:underline"
                    aria-label={interpolate(l.sortBy, { column: columnName(column) })}
                  >
                    {columnName(column)}
                    <span aria-hidden="true">{isSorted ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                  </RegionLink>
                ) : (
                  columnName(column)
                ),
              };
            })}
          >
            {result.rows.map((row) => (
              <tr key={row.id}>
                {COLUMNS[kind].map((column) => {
                  const isNegative = column === "amount" && row.amount.minor < 0n;
                  return (
                    <td
                      key={column}
                      className={`px-3 py-2 ${NUMERIC.has(column) ? "tabular whitespace-nowrap text-right" : column === "date" || column === "valueDate" ? "whitespace-nowrap" : ""} ${isNegative ? "text-red-800" : ""} ${column === "product" ? "max-w-56 truncate text-slate-700" : ""}`}
                    >
                      {cellContent(kind, column, row, locale, t)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        </BusyRegion>
      )}
      <Pagination t={t} page={result.page} pageCount={result.pageCount} hrefFor={(page) => `${basePath}${ledgerSearch(query, pageChange(result, page))}`} />
    </section>
  );
}

/** A page link: the next and previous pages carry the key of the row they start from (keyset paging), the others their number. */
function pageChange(result: TLedgerPage, page: number): Partial<TLedgerQuery> {
  if (page === result.page + 1 && result.lastKey) return { page, after: result.lastKey };
  if (page === result.page - 1 && result.firstKey) return { page, before: result.firstKey };
  return { page };
}
