import { HouseholdNameForm } from "@/components/households/household-name-form";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getHousehold } from "@/lib/services/households/get-household";
import { getHouseholdBaseWealth } from "@/lib/services/households/get-household-base-wealth";
import { MarkReviewedForm } from "@/components/review/review-panel";
import { dayIn } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { deleteHouseholdAction, markHouseholdReviewedAction, renameHouseholdAction } from "../actions";
import { HouseholdMembers } from "./_components/household-members";
import { HouseholdWealth } from "./_components/household-wealth";

export const generateMetadata = pageTitle("household");

type TProps = { params: Promise<{ householdId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HouseholdPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { householdId } = await params;
  const query = await searchParams;
  const [household, wealth] = await orNotFound(Promise.all([getHousehold(user, householdId), getHouseholdBaseWealth(user, householdId)]));
  const { locale, t } = await getMessages();
  const h = t.households;
  const ccy = typeof query.ccy === "string" ? query.ccy.toUpperCase().slice(0, 3) : undefined;
  return (
    <I18nScope namespaces={["households"]}>
      <p className="mb-2 text-sm">
        <Link href="/households" className="text-brand-700 underline">
          ← {h.back}
        </Link>
      </p>
      <div className="mb-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{household.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {h.advisor}: {household.advisorName}
        </p>
      </div>
      <div className="flex flex-col gap-6">
        {query.created === "1" ? <Alert tone="success">{h.created}</Alert> : null}
        <HouseholdWealth household={household} wealth={wealth} selectedCurrency={ccy} locale={locale} t={t} />
        <HouseholdMembers household={household} t={t} />
        {household.members.length > 0 ? (
          <Card>
            <MarkReviewedForm
              action={markHouseholdReviewedAction}
              hidden={[{ name: "householdId", value: household.id }]}
              today={dayIn(new Date(), firmTimeZone())}
              title={t.review.markHouseholdTitle}
              help={t.review.markHouseholdHelp}
              t={t}
            />
          </Card>
        ) : null}
        <Card title={h.rename}>
          <HouseholdNameForm action={renameHouseholdAction} householdId={household.id} initialName={household.name} submitLabel={t.common.save} />
        </Card>
        <Card title={h.deleteTitle}>
          <p className="mb-3 text-sm text-slate-700">{h.deleteBody}</p>
          <ActionForm
            action={deleteHouseholdAction}
            hidden={[{ name: "householdId", value: household.id }]}
            label={h.deleteTitle}
            variant="danger"
            confirmText={interpolate(h.deleteConfirm, { name: household.name })}
          />
        </Card>
      </div>
    </I18nScope>
  );
}
