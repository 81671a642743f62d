import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/text-field";
import { formatDateTime, formatDay, formatMoney } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TFormState } from "@/lib/actions/form-state";
import type { TMoney } from "@/lib/money/money";
import { describeReviewChanges, signedMoney } from "@/lib/review/describe-review-changes";
import { REVIEW_NOTE_MAX } from "@/lib/services/reviews/review-schemas";
import type { TClientReviews } from "@/lib/services/reviews/get-review-changes";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** The review form: a day (today by default, never later) and a short note. Used for a client and for a household. */
export function MarkReviewedForm({
  action,
  hidden,
  today,
  title,
  help,
  t,
}: {
  action: TAction;
  hidden: { name: string; value: string }[];
  today: string;
  title: string;
  help: string;
  t: TMessages;
}) {
  const r = t.review;
  return (
    <div data-testid="mark-reviewed">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <p className="mb-3 max-w-2xl text-sm text-slate-700">{help}</p>
      <ActionForm action={action} hidden={hidden} label={r.mark} variant="primary" successText={r.marked}>
        <TextField id="review-day" name="reviewDay" label={r.day} type="date" required max={today} defaultValue={today} />
        <TextField id="review-note" name="note" label={r.note} hint={r.noteHelp} maxLength={REVIEW_NOTE_MAX} className="min-w-72 flex-1" />
      </ActionForm>
    </div>
  );
}

/**
 * "Since your last review": the headline figures in the base currency, then every change as a
 * sentence (the same sentences the report prints), the review history and the form to mark a new
 * review. Without a review: the empty state with the form.
 */
export function ReviewPanel({
  reviews,
  action,
  clientId,
  today,
  locale,
  timeZone,
  t,
}: {
  reviews: TClientReviews;
  action: TAction;
  clientId: string;
  today: string;
  locale: TLocale;
  timeZone: string;
  t: TMessages;
}) {
  const r = t.review;
  const latest = reviews.history[0];
  const form = <MarkReviewedForm action={action} hidden={[{ name: "clientId", value: clientId }]} today={today} title={r.markTitle} help={r.markHelp} t={t} />;
  if (!latest) {
    return (
      <Card title={r.emptyTitle}>
        <p className="-mt-2 mb-4 text-sm text-slate-700" data-testid="review-empty">
          {r.empty}
        </p>
        {form}
      </Card>
    );
  }
  const changes = reviews.changes;
  return (
    <Card title={interpolate(r.sinceTitle, { date: formatDay(latest.day, locale) })}>
      <p className="-mt-2 mb-1 text-sm text-slate-700">
        {interpolate(r.reviewedBy, { date: formatDay(latest.day, locale), name: latest.byName })}
        {latest.note ? `: “${latest.note}”` : ""}
      </p>
      {changes ? (
        <>
          <Headline
            items={[
              [interpolate(r.headline.change, { currency: changes.base.currency }), changes.base.change, "review-change"],
              [r.headline.market, changes.base.market, "review-market"],
              [r.headline.flows, changes.base.flows.total, "review-flows"],
            ]}
            locale={locale}
          />
          <div className="mt-4 grid gap-4 lg:grid-cols-2" data-testid="review-changes">
            {describeReviewChanges(changes, t, locale).map((section) => (
              <section key={section.key} aria-labelledby={`review-${section.key}`} data-testid={`review-${section.key}`}>
                <h3 id={`review-${section.key}`} className="mb-1 text-sm font-semibold text-slate-900">
                  {section.title}
                </h3>
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                  {section.lines.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <p className="mt-3 text-xs text-slate-600">
            {interpolate(r.thresholdsNote, {
              percent: `${changes.thresholds.positionChangePercent} %`,
              amount: formatMoney(changes.thresholds.largeMovement, locale),
            })}
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">{r.unreadable}</p>
      )}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm text-brand-700 underline">{r.markTitle}</summary>
        <div className="mt-3">{form}</div>
      </details>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm text-brand-700 underline">{r.historyTitle}</summary>
        <div className="mt-2">
          <DataTable
            caption={r.historyTitle}
            columns={[{ label: r.historyDay }, { label: r.historyBy }, { label: r.historyNote }]}
            testId="review-history"
            isFramed={false}
          >
            {reviews.history.map((row) => (
              <tr key={row.id}>
                <th scope="row" className="py-1.5 pr-4 text-left font-normal" title={formatDateTime(row.at, locale, timeZone)}>
                  {formatDay(row.day, locale)}
                </th>
                <td className="py-1.5 pr-4">{row.byName}</td>
                <td className="py-1.5 pr-4">
                  {row.note}
                  {row.isHousehold ? ` ${r.historyHousehold}` : ""}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      </details>
    </Card>
  );
}

function Headline({ items, locale }: { items: [string, TMoney, string][]; locale: TLocale }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {items.map(([label, amount, testId]) => (
        <div key={testId}>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
          <dd className={`tabular mt-1 text-xl font-semibold ${amount.minor < 0n ? "text-red-800" : "text-slate-900"}`} data-testid={testId}>
            {signedMoney(amount, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
