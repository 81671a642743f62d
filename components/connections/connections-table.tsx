"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useI18n, useMessages } from "@/components/i18n/i18n-provider";
import { QueryProvider } from "@/components/query/query-provider";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import type { TFormState } from "@/lib/actions/form-state";
import { formatDate } from "@/lib/i18n/format";
import { interpolate } from "@/lib/i18n/messages";
import { EXTRACTION_PRODUCT_COUNT, type TConnectionSummary } from "@/lib/connections/connection-dto";
import { connectionStateLabel, isAwaitingFirstLoad } from "@/lib/connections/connection-state-label";
import { productListText } from "./product-names";

const STATE_TONE: Record<string, string> = {
  READY: "bg-emerald-100 text-emerald-900",
  PENDING: "bg-blue-100 text-blue-900",
  VERIFYING: "bg-blue-100 text-blue-900",
  PARTIAL: "bg-amber-100 text-amber-950",
  NEEDS_SCA: "bg-amber-100 text-amber-950",
  BLOCKED: "bg-red-100 text-red-900",
  ERROR: "bg-red-100 text-red-900",
};

/** Still moving by itself: extracting at Flanks, verifying, or finished and its first load not stored yet. */
function isBusy(connection: TConnectionSummary): boolean {
  return connection.state === "PENDING" || connection.state === "VERIFYING" || isAwaitingFirstLoad(connection);
}

type TProps = {
  clientId: string;
  initial: TConnectionSummary[];
  disconnectAction: (state: TFormState, formData: FormData) => Promise<TFormState>;
};

export function ConnectionsTable(props: TProps) {
  return (
    <QueryProvider>
      <ConnectionsTableInner {...props} />
    </QueryProvider>
  );
}

/**
 * The client's connections, polling our own API (which reads the database; the server polls
 * Flanks) every few seconds while an extraction is running, so progress fills in by itself.
 */
function ConnectionsTableInner({ clientId, initial, disconnectAction }: TProps) {
  const { t, locale, timeZone } = useI18n();
  const c = useMessages("connections");
  const router = useRouter();
  // A new server render (after disconnecting, say) brings new rows: they start a fresh query.
  const serverVersion = initial
    .map((connection) => `${connection.id}:${connection.state}:${connection.createdProducts.length}:${connection.hasStoredData}`)
    .join("|");
  const { data } = useQuery({
    queryKey: ["connections", clientId, serverVersion],
    queryFn: async () => {
      const response = await fetch(`/api/clients/${clientId}/connections`, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { connections: TConnectionSummary[] }).connections;
    },
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some(isBusy) ? 2_000 : false),
  });
  const connections = data ?? initial;

  // When an extraction finishes or its first load is stored, the rest of the page (banners, figures) is refreshed from the server.
  const busyCount = connections.filter(isBusy).length;
  const previousBusy = useRef(busyCount);
  useEffect(() => {
    if (busyCount < previousBusy.current) router.refresh();
    previousBusy.current = busyCount;
  }, [busyCount, router]);

  if (connections.length === 0) return <p className="text-sm text-slate-700">{c.none}</p>;
  return (
    <DataTable
      caption={c.title}
      isFramed={false}
      columns={[{ label: c.bank }, { label: c.state }, { label: c.progress }, { label: c.lastUpdate }, { label: t.common.actions, srOnly: true }]}
    >
      {connections.map((connection) => {
        const done = connection.createdProducts.length;
        return (
          <tr key={connection.id} data-testid={`connection-${connection.bank || connection.id}`}>
            <td className="py-3 pr-4 font-medium">{connection.bankLabel || "—"}</td>
            <td className="py-3 pr-4">
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_TONE[connection.state] ?? ""}`} data-testid="connection-state">
                {connectionStateLabel(connection, c)}
              </span>
              <span className="ml-2 text-xs text-slate-700">
                {c.since} {formatDate(connection.stateSince, locale, timeZone)}
              </span>
              {connection.statusError ? <p className="mt-1 text-xs text-red-800">{interpolate(c.statusError, { error: connection.statusError })}</p> : null}
            </td>
            <td className="py-3 pr-4">
              {connection.state === "VERIFYING" ? (
                "—"
              ) : (
                <div className="flex min-w-40 flex-col gap-1">
                  <progress className="h-2 w-40" max={EXTRACTION_PRODUCT_COUNT} value={done} aria-label={c.progress} />
                  <span className="text-xs text-slate-700" aria-live="polite">
                    {interpolate(c.products, { done, total: EXTRACTION_PRODUCT_COUNT })}
                  </span>
                  {connection.erroredProducts.length ? (
                    <span className="text-xs text-amber-900">
                      {interpolate(c.failedProducts, { list: productListText({ connections: c }, connection.erroredProducts) })}
                    </span>
                  ) : null}
                  {connection.isLastSyncPartial ? (
                    <span className="text-xs text-amber-900" data-testid="last-sync-partial">
                      {c.lastSyncPartial}
                    </span>
                  ) : null}
                </div>
              )}
            </td>
            <td className="py-3 pr-4 tabular">{connection.lastUpdateAt ? formatDate(connection.lastUpdateAt, locale, timeZone) : "—"}</td>
            <td className="py-3">
              <ActionForm
                action={disconnectAction}
                hidden={[
                  { name: "connectionId", value: connection.id },
                  { name: "clientId", value: clientId },
                ]}
                label={c.disconnect}
                variant="danger"
                confirmText={c.disconnectConfirm}
                successText={c.disconnected}
              />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
