import { formatDay, formatMoney, formatPercent } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TMessages } from "@/lib/i18n/messages";
import type { TInsight } from "@/lib/insights/types";

/** The figures behind an insight as label/value rows, every amount with its currency. */
export function insightFigureRows(insight: TInsight, t: TMessages, locale: TLocale): [string, string][] {
  const f = t.insights.figure;
  const amount = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, locale);
  const percent = (ratio: number) => formatPercent(ratio, locale, 1);
  switch (insight.kind) {
    case "depositGuarantee":
      return [
        [f.cash, amount(insight.figures.cash)],
        [f.covered, amount(insight.figures.covered)],
        [f.uncovered, amount(insight.figures.uncovered)],
      ];
    case "profileMissing":
      return [];
    case "unsuitableFamily":
      return [[f.amount, amount(insight.figures.amount)]];
    case "complexShare":
      return [
        [f.amount, amount(insight.figures.amount)],
        [f.total, amount(insight.figures.total)],
        [f.share, percent(insight.figures.share)],
        [f.allowed, percent(insight.figures.allowedShare)],
      ];
    case "concentration":
      return [
        [f.amount, amount(insight.figures.amount)],
        [f.total, amount(insight.figures.total)],
        [f.share, percent(insight.figures.share)],
        [f.limit, percent(insight.figures.limit)],
      ];
    case "reauthAhead":
      return [
        [f.last, formatDay(insight.figures.lastSca, locale)],
        [f.due, formatDay(insight.figures.dueDay, locale)],
      ];
  }
}
