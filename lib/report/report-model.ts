import { formatDate, formatDateTime, formatDay, formatMoney } from "@/lib/i18n/format";
import { INTL_LOCALE, type TLocale } from "@/lib/i18n/locales";
import { interpolate, MESSAGES } from "@/lib/i18n/messages";
import { money, type TMoney } from "@/lib/money/money";
import { basisPointsToRatio, type TAllocationSlice } from "@/lib/wealth/allocation";
import { isHistoryGap, type TBaseCurrencyFigures, type TBaseHistoryPoint, type TCurrencyFigures } from "@/lib/wealth/base-currency-overview";
import { investmentTypeLabel, liabilityTypeLabel, percentText } from "@/lib/wealth/labels";
import { ACCOUNTS_KEY, type THistoryPoint } from "@/lib/wealth/snapshot";
import type { TReportPeriod } from "./report-request";

/*
 * The one content model of the client report (decision 055): every figure and every word, already
 * formatted in the report's language. The PDF (report-pdf.tsx) and the print view
 * (components/report/report-view.tsx) only lay it out, so they cannot disagree.
 */

/** What changed since the last review, already localized (issue 20.1); null: no review recorded yet. */
export type TReportChanges = { title: string; lines: string[] }[] | null;
/** An insight the advisor chose to include, already localized (issue 20.2); `source` is its whole sentence ("Source: …"), as describeInsight words it. */
export type TReportInsight = { id: string; title: string; sentence: string; source: string };

export type TReportInput = {
  locale: TLocale;
  firmName: string;
  clientName: string;
  advisorName: string;
  generatedAt: Date;
  timeZone: string;
  period: TReportPeriod;
  /** The overview's figures: every currency together in the base currency, and each currency as held. */
  base: TBaseCurrencyFigures;
  currencies: readonly TCurrencyFigures[];
  bankName: (entity: string) => string;
  positions: readonly { name: string; isin: string; type: string; bank: string; value: TMoney; performance: number | null }[];
  liabilities: readonly { name: string; type: string; bank: string; outstanding: TMoney }[];
  banks: readonly { bank: string; dataAsOf: string | null; dataAsOfAt: Date | null }[];
  changes: TReportChanges;
  insights: readonly TReportInsight[];
};

export type TReportFigure = { label: string; value: string };
export type TReportColumn = { label: string; isNumeric: boolean; weight: number };
export type TReportBar = { label: string; value: string; share: string; ratio: number };

export type TReportSection = { id: string; title: string; notes: string[] } & (
  | { kind: "figures"; figures: TReportFigure[] }
  | { kind: "table"; columns: TReportColumn[]; rows: string[][]; empty: string }
  | { kind: "bars"; bars: TReportBar[]; empty: string }
  | { kind: "list"; items: { title: string; lines: string[] }[]; empty: string }
);

export type TReportModel = {
  /** BCP 47 tag of the report's language (the PDF's /Lang, the print view's lang). */
  lang: string;
  locale: TLocale;
  firmName: string;
  title: string;
  /** Prepared for, by, period, made on. */
  headerLines: string[];
  sections: TReportSection[];
  footer: string;
  /** For page numbers: "{page} / {pages}". */
  page: string;
};

/**
 * The latest stored point on or before a day (the history has a point per synced day only). It may
 * be a gap (no rate that day): the wealth is then unknown, and an older day would not be it.
 */
export function pointOn(history: readonly TBaseHistoryPoint[], day: string): TBaseHistoryPoint | null {
  let found: TBaseHistoryPoint | null = null;
  for (const point of history) if (point.day <= day) found = point;
  return found;
}

export function buildReportModel(input: TReportInput): TReportModel {
  const { locale, base } = input;
  const t = MESSAGES[locale];
  const d = t.report.doc;
  const o = t.wealth.overview;
  const amount = (value: TMoney) => formatMoney(value, locale);
  const baseCurrency = base.currency;
  const bars = (slices: readonly TAllocationSlice[], labelOf: (key: string) => string): TReportBar[] =>
    slices.map((slice) => ({
      label: labelOf(slice.key),
      value: amount(money(slice.minor, baseCurrency)),
      share: percentText(slice.basisPoints === null ? null : basisPointsToRatio(slice.basisPoints), locale, t),
      ratio: slice.basisPoints === null ? 0 : basisPointsToRatio(slice.basisPoints),
    }));
  const hasOtherCurrencies = input.currencies.some((entry) => entry.currency !== baseCurrency);
  const ratesNote =
    base.ratesDay !== null
      ? interpolate(t.fx.atRates, { date: formatDay(base.ratesDay, locale) })
      : interpolate(hasOtherCurrencies ? t.fx.noRates : t.fx.onlyBase, { currency: baseCurrency });
  const startPoint = pointOn(base.history, input.period.from);
  const endPoint = pointOn(base.history, input.period.to);
  const known = (point: TBaseHistoryPoint | null) => (point === null || isHistoryGap(point) ? null : point);
  const start = known(startPoint);
  const end = known(endPoint);
  const netOn = (point: THistoryPoint | null, day: string): TReportFigure => ({
    label: interpolate(d.netOn, { date: formatDay(day, locale) }),
    value: point ? amount(money(point.netMinor, baseCurrency)) : t.wealth.common.none,
  });
  // An end without a figure says so in words beside the dash: none stored, or no rate to convert it.
  const missingEnds = (
    [
      [startPoint, input.period.from],
      [endPoint, input.period.to],
    ] as const
  )
    .filter(([point]) => known(point) === null)
    .map(([point, day]) => interpolate(point === null ? d.noFigureOn : d.noRateOn, { date: formatDay(point?.day ?? day, locale) }));
  const sections: TReportSection[] = [
    {
      id: "net-wealth",
      kind: "figures",
      title: interpolate(d.netWealth, { currency: baseCurrency }),
      notes: [ratesNote, ...base.notConverted.map((entry) => interpolate(t.fx.notConverted, { amount: amount(entry.net) }))],
      figures: [
        { label: o.assets, value: amount(base.assets) },
        { label: o.liabilities, value: amount(base.liabilities) },
        { label: o.net, value: amount(base.net) },
      ],
    },
    {
      id: "per-currency",
      kind: "table",
      title: d.perCurrency,
      notes: [],
      columns: [
        { label: d.currency, isNumeric: false, weight: 1 },
        { label: o.assets, isNumeric: true, weight: 2 },
        { label: o.liabilities, isNumeric: true, weight: 2 },
        { label: o.net, isNumeric: true, weight: 2 },
      ],
      rows: input.currencies.map((entry) => [entry.currency, amount(entry.assets), amount(entry.liabilities), amount(entry.net)]),
      empty: t.wealth.common.none,
    },
    {
      id: "period-change",
      kind: "figures",
      title: interpolate(d.periodChange, { currency: baseCurrency }),
      notes: [d.periodChangeNote, ...missingEnds],
      figures: [
        netOn(start, input.period.from),
        netOn(end, input.period.to),
        { label: d.change, value: start && end ? amount(money(end.netMinor - start.netMinor, baseCurrency)) : t.wealth.common.none },
      ],
    },
    {
      id: "by-type",
      kind: "bars",
      title: interpolate(d.allocationByType, { currency: baseCurrency }),
      notes: [],
      bars: bars(base.byType, (key) => (key === ACCOUNTS_KEY ? o.accountsBucket : investmentTypeLabel(key, locale, t))),
      empty: t.wealth.common.none,
    },
    {
      id: "by-bank",
      kind: "bars",
      title: interpolate(d.allocationByBank, { currency: baseCurrency }),
      notes: [],
      bars: bars(base.byBank, input.bankName),
      empty: t.wealth.common.none,
    },
    {
      id: "by-currency",
      kind: "bars",
      title: interpolate(d.allocationByCurrency, { currency: baseCurrency }),
      notes: [],
      bars: bars(base.byCurrency, (key) => key),
      empty: t.wealth.common.none,
    },
    {
      id: "performance",
      kind: "table",
      title: d.performance,
      notes: [d.performanceNote],
      columns: [
        { label: d.currency, isNumeric: false, weight: 2 },
        ...base.performance.map((p) => ({ label: t.wealth.performance.periods[p.period], isNumeric: true, weight: 1 })),
      ],
      rows: [
        [interpolate(d.allCurrencies, { currency: baseCurrency }), ...base.performance.map((p) => percentText(p.ratio, locale, t))],
        ...input.currencies.map((entry) => [entry.currency, ...entry.performance.map((p) => percentText(p.ratio, locale, t))]),
      ],
      empty: t.wealth.common.none,
    },
    {
      id: "positions",
      kind: "table",
      title: d.positions,
      notes: [],
      columns: [
        { label: d.name, isNumeric: false, weight: 3.6 },
        { label: d.isin, isNumeric: false, weight: 2 },
        { label: d.type, isNumeric: false, weight: 2.2 },
        { label: d.bank, isNumeric: false, weight: 2.6 },
        { label: d.value, isNumeric: true, weight: 1.9 },
        { label: d.return, isNumeric: true, weight: 1.5 },
      ],
      rows: input.positions.map((p) => [
        p.name || t.wealth.common.none,
        p.isin || t.wealth.common.none,
        investmentTypeLabel(p.type, locale, t),
        p.bank,
        amount(p.value),
        percentText(p.performance, locale, t),
      ]),
      empty: d.positionsEmpty,
    },
    {
      id: "liabilities",
      kind: "table",
      title: d.liabilities,
      notes: [],
      columns: [
        { label: d.name, isNumeric: false, weight: 4 },
        { label: d.type, isNumeric: false, weight: 2 },
        { label: d.bank, isNumeric: false, weight: 2 },
        { label: d.outstanding, isNumeric: true, weight: 2 },
      ],
      rows: input.liabilities.map((l) => [l.name || t.wealth.common.none, liabilityTypeLabel(l.type, locale, t), l.bank, amount(l.outstanding)]),
      empty: d.liabilitiesEmpty,
    },
    {
      id: "changes",
      kind: "list",
      title: d.changes,
      notes: [],
      items: input.changes ?? [],
      empty: input.changes === null ? d.noReview : t.wealth.common.none,
    },
    {
      id: "insights",
      kind: "list",
      title: d.insights,
      notes: [],
      items: input.insights.map((insight) => ({ title: insight.title, lines: [insight.sentence, insight.source] })),
      empty: d.insightsNone,
    },
    {
      id: "data-as-of",
      kind: "table",
      title: d.dataAsOf,
      notes: [],
      columns: [
        { label: d.bank, isNumeric: false, weight: 2 },
        { label: d.asOf, isNumeric: false, weight: 2 },
      ],
      rows: input.banks.map((bank) => [
        bank.bank,
        bank.dataAsOfAt ? formatDateTime(bank.dataAsOfAt, locale, input.timeZone) : bank.dataAsOf ? formatDay(bank.dataAsOf, locale) : d.asOfUnknown,
      ]),
      empty: t.wealth.common.none,
    },
  ];
  return {
    lang: INTL_LOCALE[locale],
    locale,
    firmName: input.firmName,
    title: d.title,
    headerLines: [
      interpolate(d.preparedFor, { client: input.clientName }),
      interpolate(d.preparedBy, { advisor: input.advisorName, firm: input.firmName }),
      interpolate(d.period, { from: formatDay(input.period.from, locale), to: formatDay(input.period.to, locale) }),
      interpolate(d.generatedAt, { date: formatDate(input.generatedAt, locale, input.timeZone) }),
    ],
    sections,
    footer: interpolate(d.footer, { firm: input.firmName }),
    page: d.page,
  };
}
