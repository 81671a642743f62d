import { formatDay, formatMoney, formatPercent } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TInsight, TInsightSource } from "./types";

export type TInsightText = {
  title: string;
  /** One sentence with the figures behind it. */
  sentence: string;
  /** What it says beyond the sentence: joint accounts, conversion, the check's limits, the rule used. */
  notes: string[];
  /** Which data, of which banks, as of when (and the rates' day when converted). */
  source: string;
};

/**
 * The words of an insight in one language, from the messages alone: the overview's card, the book,
 * the inbox and the client report (issue 20.3) print the same text.
 */
export function describeInsight(insight: TInsight, t: TMessages, locale: TLocale): TInsightText {
  const m = t.insights;
  const amount = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, locale);
  const percent = (ratio: number) => formatPercent(ratio, locale, ratio * 100 === Math.round(ratio * 100) ? 0 : 1);
  const source = describeSource(insight.source, t, locale);
  switch (insight.kind) {
    case "depositGuarantee": {
      const f = insight.figures;
      const notes = [
        f.jointAccounts > 0 ? interpolate(m.depositGuarantee.joint, { count: f.jointAccounts }) : null,
        f.convertedCurrencies.length > 0 ? interpolate(m.depositGuarantee.converted, { currencies: f.convertedCurrencies.join(", ") }) : null,
        f.notConverted.length > 0 ? interpolate(m.depositGuarantee.notConverted, { amounts: f.notConverted.map(amount).join(", ") }) : null,
        m.depositGuarantee.limits,
      ];
      return {
        title: insightTitle(insight, t),
        sentence: interpolate(m.depositGuarantee.sentence, {
          holder: f.holder,
          cash: amount(f.cash),
          entity: f.entityName,
          uncovered: amount(f.uncovered),
          covered: amount(f.covered),
        }),
        notes: notes.filter((note): note is string => note !== null),
        source,
      };
    }
    case "profileMissing":
      return {
        title: insightTitle(insight, t),
        sentence: m.profileMissing.sentence,
        notes: insight.figures.suggestedFromMifid ? [m.profileMissing.suggested] : [],
        source,
      };
    case "unsuitableFamily": {
      const f = insight.figures;
      const family = m.families[f.family];
      return {
        title: insightTitle(insight, t),
        sentence: interpolate(m.unsuitableFamily.sentence, { amount: amount(f.amount), family, count: f.positions, examples: f.examples.join(", ") }),
        notes: f.notConverted.length > 0 ? [interpolate(m.depositGuarantee.notConverted, { amounts: f.notConverted.map(amount).join(", ") })] : [],
        source,
      };
    }
    case "complexShare": {
      const f = insight.figures;
      return {
        title: insightTitle(insight, t),
        sentence: interpolate(m.complexShare.sentence, {
          families: f.families.map((family) => m.families[family]).join(", "),
          share: percent(f.share),
          amount: amount(f.amount),
          total: amount(f.total),
          allowed: percent(f.allowedShare),
          level: f.riskLevel,
        }),
        notes: [],
        source,
      };
    }
    case "concentration": {
      const f = insight.figures;
      return {
        title: insightTitle(insight, t),
        sentence: interpolate(m.concentration.sentence, {
          dimension: m.concentration.dimensions[f.dimension],
          label: f.label,
          share: percent(f.share),
          amount: amount(f.amount),
          total: amount(f.total),
          limit: percent(f.limit),
        }),
        notes: [],
        source,
      };
    }
    case "reauthAhead": {
      const f = insight.figures;
      const r = m.reauthAhead;
      const when = f.daysLeft > 0 ? interpolate(r.inDays, { days: f.daysLeft }) : f.daysLeft === 0 ? r.today : interpolate(r.overdue, { days: -f.daysLeft });
      return {
        title: insightTitle(insight, t),
        sentence: interpolate(r.sentence, {
          bank: f.bank,
          due: formatDay(f.dueDay, locale),
          when,
          interval: f.intervalDays,
          last: formatDay(f.lastSca, locale),
          basis: r.basis[f.lastScaBasis],
        }),
        notes: [f.isBankSpecific ? r.ruleBank : r.rule180],
        source,
      };
    }
  }
}

/** The title alone (no figures to format): what the book lists for each of 150 clients' insights. */
export function insightTitle(insight: TInsight, t: TMessages): string {
  const m = t.insights;
  switch (insight.kind) {
    case "depositGuarantee":
      return interpolate(m.depositGuarantee.title, { entity: insight.figures.entityName });
    case "profileMissing":
      return m.profileMissing.title;
    case "unsuitableFamily":
      return interpolate(m.unsuitableFamily.title, { family: m.families[insight.figures.family] });
    case "complexShare":
      return m.complexShare.title;
    case "concentration":
      return interpolate(m.concentration.title, { label: insight.figures.label });
    case "reauthAhead":
      return interpolate(m.reauthAhead.title, { bank: insight.figures.bank });
  }
}

function describeSource(source: TInsightSource, t: TMessages, locale: TLocale): string {
  const m = t.insights;
  const data = source.data.map((name) => m.dataNames[name]).join(", ");
  const banks = source.banks.join(", ");
  const line = source.asOf ? interpolate(m.source, { data, banks, date: formatDay(source.asOf, locale) }) : interpolate(m.sourceNoDate, { data, banks });
  return source.ratesDay ? `${line} ${interpolate(m.sourceRates, { date: formatDay(source.ratesDay, locale) })}` : line;
}
