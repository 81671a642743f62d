import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDateTime } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { listMifid } from "@/lib/services/wealth/list-products";

export const generateMetadata = pageTitle("mifid");

type TProps = { params: Promise<{ clientId: string }> };

export default async function MifidPage({ params }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { context, entities } = await orNotFound(listMifid(user, clientId));
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const m = t.wealth.mifid;
  return (
    <div className="space-y-6">
      <DataAsOf context={context} locale={locale} t={t} products={["mifid"]} />
      <p className="text-sm text-slate-800">{m.intro}</p>
      {entities.length === 0 ? <SectionEmpty text={m.none} /> : null}
      {entities.map((entity) => (
        <Card key={entity.connectionId} title={interpolate(m.entity, { bank: entity.bank })}>
          {entity.syncedAt ? (
            <p className="-mt-2 mb-3 text-sm text-slate-700">{interpolate(m.asOf, { date: formatDateTime(entity.syncedAt, locale, firmTimeZone()) })}</p>
          ) : null}
          {entity.answers.length === 0 ? (
            <SectionEmpty text={interpolate(m.empty, { bank: entity.bank })} />
          ) : (
            <table className="min-w-full text-sm" data-testid="mifid-table">
              <thead className="text-left text-slate-700">
                <tr className="border-b border-slate-200">
                  <th scope="col" className="w-8 py-2 pr-2 font-semibold">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {m.question}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {m.answer}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entity.answers.map((answer) => (
                  <tr key={answer.id}>
                    <td className="py-2 pr-2 align-top text-slate-600">{answer.id}</td>
                    <th scope="row" className="py-2 pr-4 text-left align-top font-medium">
                      {answer.question}
                    </th>
                    <td className="py-2 align-top">
                      {answer.answers.length > 1 ? (
                        <ul className="list-disc pl-4">
                          {answer.answers.map((text) => (
                            <li key={text}>{text}</li>
                          ))}
                        </ul>
                      ) : (
                        (answer.answers[0] ?? t.wealth.common.none)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ))}
    </div>
  );
}
