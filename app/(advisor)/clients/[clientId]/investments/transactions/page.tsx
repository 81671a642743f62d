import { Link } from "@/components/ui/link";
import { LedgerTable } from "@/components/wealth/ledger-table";
import { DataAsOf, WealthGate } from "@/components/wealth/wealth-status";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listTransactions } from "@/lib/services/wealth/list-transactions";
import { parseLedgerQuery } from "@/lib/wealth/ledger-query";

export const generateMetadata = pageTitle("investmentTransactions");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvestmentTransactionsPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { query, problems } = parseLedgerQuery(await searchParams);
  const result = await orNotFound(listTransactions(user, clientId, "investment", query));
  if (!result.context.hasData) return <WealthGate context={result.context} t={t} />;
  const base = `/clients/${result.context.clientId}/investments`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brand-700 underline">
          {t.wealth.investments.back}
        </Link>
      </p>
      <DataAsOf context={result.context} locale={locale} t={t} products={["investmentTransactions"]} />
      <LedgerTable
        kind="investment"
        clientId={result.context.clientId}
        basePath={`${base}/transactions`}
        result={result}
        query={query}
        problems={problems}
        locale={locale}
        t={t}
        title={t.wealth.products.investmentTransactions}
      />
    </>
  );
}
