import { z } from "zod";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { AllocationSection } from "@/components/wealth/allocation-section";
import { BookInsights } from "@/components/insights/book-insights";
import { ConvertedAmount } from "@/components/wealth/converted-amount";
import { FxRatesNote } from "@/components/wealth/fx-rates-note";
import { investmentTypeLabel } from "@/components/wealth/labels";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay, formatMoney } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import type { TMoney } from "@/lib/money/money";
import { getBook } from "@/lib/services/book/get-book";
import { connectionStateLabel } from "@/lib/connections/connection-state-label";
import { listActiveAdvisors } from "@/lib/services/users/list-users";
import { idField } from "@/lib/validation/fields";
import { ACCOUNTS_KEY } from "@/lib/wealth/snapshot";

export const generateMetadata = pageTitle("book");

/** `?advisor=<id>`: an admin's view of one advisor's book (ignored for advisors: their book is always their own). */
const ZBookQuerySchema = z.object({ advisor: idField.optional().catch(undefined) });

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Home: the signed-in advisor's book (an admin's: the firm's, or one advisor's), in the base currency. */
export default async function BookPage({ searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const query = ZBookQuerySchema.parse(await searchParams);
  const isAdmin = user.role === "ADMIN";
  const [book, advisors] = await Promise.all([orNotFound(getBook(user, { advisorId: query.advisor ?? null })), isAdmin ? listActiveAdvisors(user) : []]);
  const b = t.fx.book;
  const o = t.wealth.overview;
  const since = formatDay(book.monthAgoDay, locale);
  const change: TMoney | null = book.netMonthAgo ? { minor: book.net.minor - book.netMonthAgo.minor, currency: book.base } : null;
  const signedMoney = (amount: TMoney) => `${amount.minor > 0n ? "+" : ""}${formatMoney(amount, locale)}`;
  // [label, value, test id, is a sentence rather than a figure]
  const figures: [string, string, string, boolean?][] = [
    [b.assetsUnderAdvice, formatMoney(book.assetsUnderAdvice, locale), "book-aua"],
    [b.netWealth, formatMoney(book.net, locale), "book-net"],
    [b.clientCount, String(book.clientCount), "book-clients"],
    [interpolate(b.changeSinceMonth, { date: since }), change ? signedMoney(change) : b.noChange, "book-change", !change],
  ];
  return (
    <>
      <PageHeader title={isAdmin && book.advisorId === null ? b.firmTitle : b.title} />
      {isAdmin ? (
        <FilterBar action="/" submitLabel={b.showBook}>
          <SelectField
            id="book-advisor"
            name="advisor"
            label={b.advisorFilter}
            defaultValue={book.advisorId ?? ""}
            options={[{ value: "", label: b.allAdvisors }, ...advisors.map((advisor) => ({ value: advisor.id, label: advisor.name }))]}
          />
        </FilterBar>
      ) : null}
      <div className="space-y-6">
        <Card>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {figures.map(([label, value, testId, isSentence]) => (
              <div key={testId}>
                <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
                <dd className={isSentence ? "mt-1 text-sm text-slate-700" : "tabular mt-1 text-2xl font-semibold text-slate-900"} data-testid={testId}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 space-y-1">
            <FxRatesNote
              base={book.base}
              ratesDay={book.ratesDay}
              notConverted={book.notConverted}
              hasOtherCurrencies={book.ratesDay !== null || book.notConverted.length > 0}
              locale={locale}
              t={t}
            />
            {change ? <p className="text-sm text-slate-700">{interpolate(b.changeNote, { date: since })}</p> : null}
          </div>
        </Card>

        {book.clientsWithData === 0 ? (
          <EmptyState title={b.title} body={b.empty} />
        ) : (
          <div className="grid gap-6 xl:grid-cols-2">
            <AllocationSection
              id="book-by-type"
              title={interpolate(b.byType, { currency: book.base })}
              currency={book.base}
              slices={book.byType}
              labelOf={(key) => (key === ACCOUNTS_KEY ? o.accountsBucket : investmentTypeLabel(key, locale, t))}
              locale={locale}
              t={t}
            />
            <AllocationSection
              id="book-by-bank"
              title={interpolate(b.byBank, { currency: book.base })}
              currency={book.base}
              slices={book.byBank}
              labelOf={(key) => book.bankNames[key] ?? key}
              locale={locale}
              t={t}
            />
          </div>
        )}

        <Card title={b.needsAction}>
          {book.needsAction.length === 0 ? (
            <p className="text-sm text-slate-700">{b.needsActionEmpty}</p>
          ) : (
            <>
              <p className="-mt-2 mb-3 text-sm text-slate-700">
                {b.needsActionNote}{" "}
                <Link className="text-brand-700 underline" href="/inbox">
                  {t.nav.inbox}
                </Link>
              </p>
              <DataTable
                caption={b.needsAction}
                columns={[{ label: b.client }, { label: b.bank }, { label: b.state }, { label: b.atStake, align: "right" }]}
                bodyTestId="book-needs-action"
                isFramed={false}
              >
                {book.needsAction.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                      <Link href={`/clients/${item.clientId}/connections`} className="text-brand-700 underline-offset-2 hover:underline">
                        {item.clientName}
                      </Link>
                    </th>
                    <td className="py-1.5 pr-4">{item.bankLabel || "—"}</td>
                    <td className="py-1.5 pr-4">{connectionStateLabel(item, t.connections)}</td>
                    <td className="tabular py-1.5 pr-4 text-right">
                      <ConvertedAmount value={item.atStake} locale={locale} t={t} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </Card>

        <BookInsights user={user} advisorId={book.advisorId} />

        <Card title={interpolate(b.movers, { date: since })}>
          {book.movers.length === 0 ? (
            <p className="text-sm text-slate-700">{b.moversEmpty}</p>
          ) : (
            <DataTable
              caption={interpolate(b.movers, { date: since })}
              columns={[{ label: b.client }, { label: b.then, align: "right" }, { label: b.now, align: "right" }, { label: b.change, align: "right" }]}
              bodyTestId="book-movers"
              isFramed={false}
            >
              {book.movers.map((mover) => (
                <tr key={mover.clientId}>
                  <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                    <Link href={`/clients/${mover.clientId}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {mover.clientName}
                    </Link>
                  </th>
                  <td className="tabular py-1.5 pr-4 text-right">{formatMoney(mover.then, locale)}</td>
                  <td className="tabular py-1.5 pr-4 text-right">{formatMoney(mover.now, locale)}</td>
                  <td className={`tabular py-1.5 pr-4 text-right ${mover.change.minor < 0n ? "text-red-800" : ""}`}>{formatMoney(mover.change, locale)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
