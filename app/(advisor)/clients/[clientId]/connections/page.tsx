import { ConnectionsTable } from "@/components/connections/connections-table";
import { CreateInvitationButton } from "@/components/connections/create-invitation-button";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { orNotFound } from "@/lib/errors/or-not-found";
import { formatDate } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listClientConnections } from "@/lib/services/connections/list-client-connections";
import { listClientInvitations } from "@/lib/services/invitations/list-client-invitations";
import { createInvitationAction, disconnectConnectionAction, revokeInvitationAction } from "../../connection-actions";
import { DataTable } from "@/components/ui/data-table";

export const generateMetadata = pageTitle("clientConnections");

export default async function ClientConnectionsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const user = await requireUser();
  const { clientId } = await params;
  const { locale, t } = await getMessages();
  // Someone else's or an unknown client: the 404 page (the layout checks too, but renders alongside).
  const [connections, invitations] = await orNotFound(Promise.all([listClientConnections(user, clientId), listClientInvitations(user, clientId)]));
  return (
    <div className="flex flex-col gap-6">
      <Card title={t.connections.title}>
        <I18nScope namespaces={["connections"]}>
          <ConnectionsTable clientId={clientId} initial={connections} disconnectAction={disconnectConnectionAction} />
        </I18nScope>
      </Card>
      <Card title={t.invitations.title}>
        <div className="mb-4">
          <I18nScope namespaces={["invitations"]}>
            <CreateInvitationButton
              action={createInvitationAction}
              clientId={clientId}
              purpose="CONNECT"
              label={t.invitations.create}
              firmName={getEnv().FIRM_NAME}
            />
          </I18nScope>
        </div>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-700">{t.invitations.none}</p>
        ) : (
          <DataTable
            caption={t.invitations.title}
            columns={[
              { label: t.invitations.purpose },
              { label: t.invitations.state },
              { label: t.invitations.created },
              { label: t.invitations.expires },
              { label: t.common.actions, srOnly: true },
            ]}
            bodyTestId="invitations"
            isFramed={false}
          >
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td className="py-2 pr-4">
                  {t.invitations.purposes[invitation.purpose as "CONNECT"] ?? invitation.purpose}
                  {invitation.connectionBank ? ` · ${invitation.connectionBank}` : ""}
                </td>
                <td className="py-2 pr-4" data-testid="invitation-state">
                  {t.invitations.states[invitation.state]}
                </td>
                <td className="py-2 pr-4 tabular">{formatDate(invitation.createdAt, locale, firmTimeZone())}</td>
                <td className="py-2 pr-4 tabular">{formatDate(invitation.expiresAt, locale, firmTimeZone())}</td>
                <td className="py-2">
                  {/* Expired and used ones too: a Link started before expiry may still bring a code back (grace period). */}
                  {invitation.state !== "revoked" ? (
                    <ActionForm
                      action={revokeInvitationAction}
                      hidden={[
                        { name: "invitationId", value: invitation.id },
                        { name: "clientId", value: clientId },
                      ]}
                      label={t.invitations.revoke}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
