import { orDash } from "@/components/wealth/labels";
import { DataAsOf, SectionEmpty, WealthGate } from "@/components/wealth/wealth-status";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDay } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { getIdentityAndHolders } from "@/lib/services/wealth/list-products";

export const generateMetadata = pageTitle("identity");

type TProps = { params: Promise<{ clientId: string }> };

export default async function IdentityPage({ params }: TProps) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const { clientId } = await params;
  const { context, identities, products } = await orNotFound(getIdentityAndHolders(user, clientId));
  if (!context.hasData) return <WealthGate context={context} t={t} />;
  const d = t.wealth.identity;
  return (
    <div className="space-y-6">
      <DataAsOf context={context} locale={locale} t={t} products={["identity", "holders"]} />
      <p className="text-sm text-slate-800">{d.intro}</p>
      {identities.length === 0 ? <SectionEmpty text={d.empty} /> : null}
      {identities.map((identity) => {
        const address = identity.address
          ? [
              [identity.address.streetType, identity.address.streetName, identity.address.streetNumber].filter(Boolean).join(" "),
              [identity.address.zipCode, identity.address.city].filter(Boolean).join(" "),
              identity.address.state,
              identity.address.country,
            ]
              .filter((part) => part && part.trim())
              .join(", ")
          : null;
        const gender = identity.gender === "male" || identity.gender === "female" ? d.genders[identity.gender] : identity.gender;
        const rows: [string, string][] = [
          [d.fullName, orDash(identity.fullName ?? [identity.name, identity.surname1, identity.surname2].filter(Boolean).join(" "), t)],
          [d.document, orDash(identity.identityDocument, t)],
          [d.birthDate, identity.birthDate ? formatDay(identity.birthDate, locale) : t.wealth.common.none],
          [d.gender, orDash(gender, t)],
          [d.occupation, orDash(identity.occupation, t)],
          [d.sector, orDash(identity.sector, t)],
          [d.address, orDash(address, t)],
          ...identity.contactInfo.map((contact): [string, string] => [
            contact.type === "email" || contact.type === "phone" ? d.contactTypes[contact.type] : contact.type,
            contact.value,
          ]),
        ];
        return (
          <Card key={identity.connectionId} title={`${d.title} · ${identity.bank}`}>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="identity-card">
              {rows.map(([label, value], index) => (
                <div key={`${label}-${index}`} className="flex justify-between gap-4 border-b border-slate-100 py-1">
                  <dt className="text-slate-700">{label}</dt>
                  <dd className="text-right font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        );
      })}
      <Card title={d.holdersTitle}>
        {products.length === 0 ? (
          <SectionEmpty text={d.noHolders} />
        ) : (
          <table className="min-w-full text-sm" data-testid="holders-table">
            <thead className="text-left text-slate-700">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4 font-semibold">
                  {d.product}
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  {t.wealth.common.bank}
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  {d.holder}
                </th>
                <th scope="col" className="py-2 font-semibold">
                  {d.relation}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {products.flatMap((product) =>
                product.holders.map((holder, index) => (
                  <tr key={`${product.productId}-${index}`}>
                    {index === 0 ? (
                      <th scope="rowgroup" rowSpan={product.holders.length} className="py-2 pr-4 text-left align-top font-medium">
                        {product.productName}
                      </th>
                    ) : null}
                    {index === 0 ? (
                      <td rowSpan={product.holders.length} className="py-2 pr-4 align-top">
                        {product.bank}
                      </td>
                    ) : null}
                    <td className="py-2 pr-4">{holder.name}</td>
                    <td className="py-2">{holder.rel}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
