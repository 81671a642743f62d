import { ArchiveClientForm } from "@/components/clients/archive-client-form";
import { ClientForm } from "@/components/clients/client-form";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDate } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getClient } from "@/lib/services/clients/get-client";
import { deleteClientAction } from "@/app/admin/actions";
import { setClientArchivedAction, updateClientAction } from "../../actions";

export const generateMetadata = pageTitle("clientDetails");

type TProps = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientDetailsPage({ params, searchParams }: TProps) {
  const user = await requireUser();
  const { clientId } = await params;
  const client = await orNotFound(getClient(user, clientId));
  const { locale, t } = await getMessages();
  const isCreated = (await searchParams).created === "1";
  return (
    <I18nScope namespaces={["clients"]}>
      <div className="flex flex-col gap-4">
        {isCreated ? <Alert tone="success">{t.clients.createdNotice}</Alert> : null}
        <Card title={t.clients.edit}>
          <ClientForm
            action={updateClientAction}
            initial={{
              clientId: client.id,
              displayName: client.displayName,
              contactEmail: client.contactEmail,
              externalRef: client.externalRef,
              language: client.language,
            }}
            submitLabel={t.common.save}
          />
        </Card>
        <Card title={client.archived ? t.clients.unarchive : t.clients.archive}>
          <ArchiveClientForm clientId={client.id} isArchived={client.archived} action={setClientArchivedAction} />
        </Card>
        {user.role === "ADMIN" ? (
          <Card title={t.clients.deleteTitle}>
            <p className="mb-3 text-sm text-slate-700">{t.clients.deleteBody}</p>
            <ActionForm
              action={deleteClientAction}
              hidden={[{ name: "clientId", value: client.id }]}
              label={t.clients.deleteTitle}
              variant="danger"
              confirmText={interpolate(t.clients.deleteConfirm, { name: client.displayName })}
            />
          </Card>
        ) : null}
        <p className="text-sm text-slate-700">
          {t.clients.created} {formatDate(client.createdAt, locale, firmTimeZone())}
        </p>
      </div>
    </I18nScope>
  );
}
