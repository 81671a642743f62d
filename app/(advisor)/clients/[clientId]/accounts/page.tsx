import { DataTable } from "@/components/ui/data-table";
import { LedgerTable } from "@/components/wealth/ledger-table";
import { moneyText, orDash } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listAccounts } from "@/lib/services/wealth/list-products";
import { listTransactions } from "@/lib/services/wealth/list-transactions";
import { parseLedgerQuery } from "@/lib/wealth/ledger-query";

export const generateMetadata = pageTitle("accounts");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { query, problems } = parseLedgerQuery(await searchParams);
  const [{ context, accounts }, result] = await orNotFound(Promise.all([listAccounts(user, clientId), listTransactions(user, clientId, "account", query)]));
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const a = t.wealth.accounts;
  return (
    <>
      <DataAsOf context={context} locale={locale} t={t} products={["accounts", "accountTransactions"]} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">{a.title}</h2>
      {accounts.length === 0 ? (
        <SectionEmpty text={a.empty} />
      ) : (
        <DataTable
          caption={a.title}
          testId="accounts-table"
          isCompact
          columns={[
            { label: a.alias },
            { label: a.iban },
            { label: t.wealth.common.bank },
            { label: a.description },
            { label: t.wealth.common.holders },
            { label: a.balance, align: "right" },
          ]}
        >
          {accounts.map((account) => (
            <tr key={account.id}>
              <td className="px-3 py-2 font-medium">{account.alias}</td>
              <td className="px-3 py-2 font-mono text-xs">{account.iban}</td>
              <td className="px-3 py-2">{account.bank}</td>
              <td className="px-3 py-2">{orDash(account.description, t)}</td>
              <td className="px-3 py-2">
                {account.holders.length ? account.holders.map((h) => `${h.name} (${h.rel})`).join(", ") : t.wealth.common.noHolders}
              </td>
              <td className={`tabular px-3 py-2 text-right whitespace-nowrap ${account.balance.minor < 0n ? "text-red-800" : ""}`}>
                {moneyText(account.balance, locale, t)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <LedgerTable
        kind="account"
        clientId={context.clientId}
        basePath={`/clients/${context.clientId}/accounts`}
        result={result}
        query={query}
        problems={problems}
        locale={locale}
        t={t}
        title={a.transactions}
      />
    </>
  );
}
