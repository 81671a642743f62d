import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { firmTimeZone } from "@/lib/i18n/time-zone";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TWealthContext } from "@/lib/services/wealth/wealth-context";
import type { TProductState, TSyncProduct } from "@/lib/sync/products";
import { PRODUCT_FLAG_KEYS, TRANSACTION_FLAG_KEYS } from "@/lib/flanks/schemas/credentials-status";
import { RefreshButton } from "./refresh-button";

/** The products the reference documents: an unknown status flag is listed apart, never counted ("14 of 13", issue 15). */
const DOCUMENTED_FLAGS: ReadonlySet<string> = new Set([...PRODUCT_FLAG_KEYS, ...TRANSACTION_FLAG_KEYS.map((key) => `transaction.${key}`)]);
const TOTAL_PRODUCTS = DOCUMENTED_FLAGS.size;

/**
 * "Data as of" per connection (Flanks' last_update of the stored data), a note for each product
 * whose data was kept from an earlier update (Flanks reported it errored, its endpoint failed or its
 * answer was unreadable), and one naming the records Flanks sent that could not be read.
 */
export function DataAsOf({ context, locale, t, products }: { context: TWealthContext; locale: TLocale; t: TMessages; products?: readonly TSyncProduct[] }) {
  const synced = context.connections.filter((c) => c.lastSyncedAt);
  if (synced.length === 0) return null;
  const notes: string[] = [];
  for (const connection of synced) {
    for (const [key, state] of Object.entries(connection.products) as [TSyncProduct, TProductState][]) {
      if (products && !products.includes(key)) continue;
      if (state.setAside && state.received) {
        notes.push(
          interpolate(t.wealth.common.setAside, {
            count: state.setAside,
            total: state.received,
            records: t.wealth.setAsideRecords[key],
            bank: connection.bank,
          }),
        );
      }
      if (state.status !== "errored" && state.status !== "invalid" && state.status !== "failed") continue;
      const product = `${connection.bank} · ${t.wealth.products[key]}`;
      notes.push(
        state.status === "invalid"
          ? interpolate(state.syncedAt ? t.wealth.common.productInvalid : t.wealth.common.productInvalidNever, { product })
          : state.status === "failed"
            ? interpolate(state.syncedAt ? t.wealth.common.productFailed : t.wealth.common.productFailedNever, { product })
            : state.syncedAt
              ? interpolate(t.wealth.common.productKept, { product, date: formatDateTime(state.syncedAt, locale, firmTimeZone()) })
              : interpolate(t.wealth.common.productKeptNever, { product }),
      );
    }
  }
  return (
    <div className="mb-4 space-y-2">
      <p className="text-sm text-slate-700" data-testid="data-as-of">
        {synced
          .map((c) =>
            c.dataAsOf
              ? interpolate(t.wealth.common.dataAsOf, {
                  bank: c.bank,
                  date: c.dataAsOfAt ? formatDateTime(c.dataAsOfAt, locale, firmTimeZone()) : formatDay(c.dataAsOf, locale),
                })
              : interpolate(t.wealth.common.dataAsOfUnknown, { bank: c.bank }),
          )
          .join(" · ")}
      </p>
      {notes.length ? (
        <Alert tone="warning">
          <ul className="list-disc pl-5">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * What a tab shows before there is data: no connection yet → invite; first extraction running →
 * its progress; connected but never stored → refresh. Null once data exists.
 */
export function WealthGate({ context, t }: { context: TWealthContext; t: TMessages }) {
  if (context.hasData) return null;
  if (context.connections.length === 0) {
    return (
      <EmptyState
        title={t.wealth.common.noConnectionTitle}
        body={t.wealth.common.noConnectionBody}
        action={<ButtonLink href={`/clients/${context.clientId}/connections`}>{t.wealth.common.inviteAction}</ButtonLink>}
      />
    );
  }
  const pending = context.connections.find((c) => c.pending);
  if (pending) {
    const done = pending.createdProducts.filter((flag) => DOCUMENTED_FLAGS.has(flag)).length;
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center" role="status">
        <h2 className="text-lg font-semibold text-slate-900">{t.wealth.common.pendingTitle}</h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-slate-700">
          {interpolate(t.wealth.common.pendingBody, { bank: pending.bank, done, total: TOTAL_PRODUCTS })}
        </p>
        <progress className="mx-auto mt-4 block h-2 w-64" max={TOTAL_PRODUCTS} value={done} aria-hidden="true" />
      </div>
    );
  }
  return <EmptyState title={t.wealth.common.notSyncedTitle} body={t.wealth.common.notSyncedBody} action={<RefreshButton clientId={context.clientId} />} />;
}

/** The empty state of one section when the client has data elsewhere (e.g. no cards at their banks). */
export function SectionEmpty({ text }: { text: string }) {
  return <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">{text}</p>;
}
