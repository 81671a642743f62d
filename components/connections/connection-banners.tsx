import { Link } from "@/components/ui/link";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import type { TConnectionSummary } from "@/lib/connections/connection-dto";
import { listClientConnections } from "@/lib/services/connections/list-client-connections";
import { CreateInvitationButton, type TCreateInvitationAction } from "./create-invitation-button";
import { productListText } from "./product-names";

/** Data older than this gets a banner even when the connection is otherwise healthy. */
export const STALE_AFTER_DAYS = 3;

type TBanner = { id: string; tone: "info" | "warning" | "error"; text: string; purpose?: "SCA" | "RESET"; label?: string };

function isStale(connection: TConnectionSummary, now: number): boolean {
  return connection.state === "READY" && connection.lastUpdateAt !== null && now - new Date(connection.lastUpdateAt).getTime() > STALE_AFTER_DAYS * 86_400_000;
}

/** On every page of a client: what is wrong with each connection, since when, and the action that fixes it. */
export async function ConnectionBanners({ clientId, createInvitation }: { clientId: string; createInvitation: TCreateInvitationAction }) {
  const user = await requireUser();
  const { locale, t } = await getMessages();
  const connections = await listClientConnections(user, clientId);
  const now = Date.now();
  const firmName = getEnv().FIRM_NAME;
  const banners = connections.flatMap((connection): TBanner[] => [...stateBanners(connection), ...syncBanners(connection)]);
  function syncBanners(connection: TConnectionSummary): TBanner[] {
    if (!connection.lastSyncFailure) return [];
    const { at, kind } = connection.lastSyncFailure;
    const text = interpolate(t.connections.bannerSyncFailed, {
      bank: connection.bank || "—",
      date: formatDateTime(at, locale, firmTimeZone()),
      reason: t.connections.syncFailureReasons[kind],
    });
    return [{ id: `${connection.id}-sync`, tone: "warning", text }];
  }
  function stateBanners(connection: TConnectionSummary): TBanner[] {
    const bank = connection.bankLabel || "—";
    const since = formatDate(connection.stateSince, locale, firmTimeZone());
    switch (connection.state) {
      case "NEEDS_SCA":
        return [
          { id: connection.id, tone: "warning", text: interpolate(t.connections.bannerSca, { bank, since }), purpose: "SCA", label: t.connections.actionSca },
        ];
      case "BLOCKED":
        return [
          {
            id: connection.id,
            tone: "error",
            text: interpolate(t.connections.bannerBlocked, { bank, since }),
            purpose: "RESET",
            label: t.connections.actionReset,
          },
        ];
      case "PARTIAL":
        return [
          { id: connection.id, tone: "info", text: interpolate(t.connections.bannerPartial, { bank, list: productListText(t, connection.erroredProducts) }) },
        ];
      case "ERROR":
        return [
          { id: connection.id, tone: "error", text: interpolate(t.connections.bannerError, { bank, error: connection.statusError ?? t.errors.generic }) },
        ];
      case "VERIFYING":
        return [{ id: connection.id, tone: "info", text: interpolate(t.connections.bannerVerifying, { bank }) }];
      default:
        return isStale(connection, now)
          ? [
              {
                id: connection.id,
                tone: "warning",
                text: interpolate(t.connections.bannerStale, {
                  bank,
                  date: formatDate(connection.lastUpdateAt!, locale, firmTimeZone()),
                  days: STALE_AFTER_DAYS,
                }),
              },
            ]
          : [];
    }
  }
  if (banners.length === 0) return null;
  return (
    <div className="mb-4 flex flex-col gap-2" data-testid="connection-banners">
      {banners.map((banner) => (
        <Alert key={`${banner.id}-${banner.tone}`} tone={banner.tone}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <p className="max-w-3xl">{banner.text}</p>
            {banner.purpose ? (
              <I18nScope namespaces={["invitations"]}>
                <CreateInvitationButton
                  action={createInvitation}
                  clientId={clientId}
                  purpose={banner.purpose}
                  connectionId={banner.id}
                  label={banner.label ?? ""}
                  firmName={firmName}
                />
              </I18nScope>
            ) : (
              <Link href={`/clients/${clientId}/connections`} className="font-semibold underline">
                {t.connections.tab}
              </Link>
            )}
          </div>
        </Alert>
      ))}
    </div>
  );
}
