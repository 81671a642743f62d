import type { ReactNode } from "react";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";
import { describeInsight } from "@/lib/insights/describe-insight";
import type { TInsight } from "@/lib/insights/types";
import { insightFigureRows } from "./insight-figures";

/**
 * Insights as a list: title, its one sentence, what qualifies it, the figures behind it and its
 * source. `actionOf` adds a control under an insight (the profile link, the re-authentication invitation).
 */
export function InsightList({
  insights,
  locale,
  t,
  actionOf,
  testId = "insights",
}: {
  insights: TInsight[];
  locale: TLocale;
  t: TMessages;
  actionOf?: (insight: TInsight) => ReactNode;
  testId?: string;
}) {
  const m = t.insights;
  return (
    <ul className="divide-y divide-slate-200" data-testid={testId}>
      {insights.map((insight) => {
        const text = describeInsight(insight, t, locale);
        const rows = insightFigureRows(insight, t, locale);
        const action = actionOf?.(insight);
        return (
          <li key={insight.id} className="py-3 first:pt-0 last:pb-0" data-insight-id={insight.id} data-testid="insight">
            <div className="flex flex-wrap items-baseline gap-2">
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${insight.needsAction ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}
              >
                {insight.needsAction ? m.needsAction : m.forInformation}
              </span>
              <h3 className="text-sm font-semibold text-slate-900">{text.title}</h3>
            </div>
            <p className="mt-1 text-sm text-slate-800" data-testid="insight-sentence">
              {text.sentence}
            </p>
            {text.notes.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                {text.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
            {rows.length > 0 ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-brand-700 underline">{m.showFigures}</summary>
                <dl className="mt-1 grid max-w-md grid-cols-2 gap-x-4 text-xs">
                  {rows.map(([label, value]) => (
                    <div key={label} className="contents">
                      <dt className="text-slate-700">{label}</dt>
                      <dd className="tabular text-right text-slate-900">{value}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
            <p className="mt-1 text-xs text-slate-600" data-testid="insight-source">
              {text.source}
            </p>
            {action ? <div className="mt-2">{action}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
