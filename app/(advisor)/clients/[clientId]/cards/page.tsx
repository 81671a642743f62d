import { DataTable } from "@/components/ui/data-table";
import { LedgerTable } from "@/components/wealth/ledger-table";
import { moneyText, orDash } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listCards } from "@/lib/services/wealth/list-products";
import { listTransactions } from "@/lib/services/wealth/list-transactions";
import { parseLedgerQuery } from "@/lib/wealth/ledger-query";

export const generateMetadata = pageTitle("cards");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CardsPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { query, problems } = parseLedgerQuery(await searchParams);
  const [{ context, cards }, result] = await orNotFound(Promise.all([listCards(user, clientId), listTransactions(user, clientId, "card", query)]));
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const c = t.wealth.cards;
  const date = (value: string | null) => (value ? formatDay(value, locale) : t.wealth.common.none);
  return (
    <>
      <DataAsOf context={context} locale={locale} t={t} products={["cards", "cardTransactions"]} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{c.title}</h2>
      {cards.length === 0 ? (
        <SectionEmpty text={c.empty} />
      ) : (
        <DataTable
          caption={c.title}
          testId="cards-table"
          isCompact
          columns={[
            { label: c.product },
            { label: c.pan },
            { label: c.type },
            { label: t.wealth.common.bank },
            { label: c.emission },
            { label: c.expiration },
            { label: t.wealth.common.holders },
            { label: c.currency },
            { label: c.available, align: "right" },
          ]}
        >
          {cards.map((card) => (
            <tr key={card.id}>
              <td className="px-3 py-2 font-medium">{orDash(card.product, t)}</td>
              <td className="px-3 py-2 font-mono text-xs">{card.pan}</td>
              <td className="px-3 py-2">{card.cardType === "credit" ? c.credit : card.cardType === "debit" ? c.debit : card.cardType}</td>
              <td className="px-3 py-2">{card.bank}</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(card.emissionDate)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(card.expirationDate)}</td>
              <td className="px-3 py-2">{card.holders.length ? card.holders.map((h) => `${h.name} (${h.rel})`).join(", ") : t.wealth.common.noHolders}</td>
              <td className="px-3 py-2">{orDash(card.currency, t)}</td>
              <td className="tabular px-3 py-2 text-right whitespace-nowrap">{moneyText(card.available, locale, t)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <LedgerTable
        kind="card"
        clientId={context.clientId}
        basePath={`/clients/${context.clientId}/cards`}
        result={result}
        query={query}
        problems={problems}
        locale={locale}
        t={t}
        title={c.transactions}
      />
    </>
  );
}
