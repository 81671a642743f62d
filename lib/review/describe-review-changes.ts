import { formatDay, formatMoney, formatNumber, formatPercent } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TMoney } from "@/lib/money/money";
import type { TBaseNetChange, TPositionChange, TReviewChanges } from "./compare-review";

export type TReviewSection = { key: keyof TMessages["review"]["sections"]; title: string; lines: string[] };

/** A change with its sign ("+1.000,00 €", "−250,00 €"): a gain and a loss read apart at a glance. */
export function signedMoney(amount: TMoney, locale: TLocale): string {
  const text = formatMoney(amount, locale);
  return amount.minor > 0n ? `+${text}` : text;
}

/**
 * "What changed since the last review" as localized sentences grouped in sections: the client page
 * shows them under its figures, the report (issue 20.3) prints them as text. Every amount with its
 * currency; an empty section says so rather than disappearing.
 */
export function describeReviewChanges(changes: TReviewChanges, t: TMessages, locale: TLocale): TReviewSection[] {
  const r = t.review;
  const l = r.lines;
  const m = (amount: TMoney) => formatMoney(amount, locale);
  const s = (amount: TMoney) => signedMoney(amount, locale);
  const qty = (text: string) => formatNumber(Number(text), locale, 6);
  const pct = (percent: number) => formatPercent(percent / 100, locale, 0);
  const section = (key: TReviewSection["key"], lines: string[]): TReviewSection => ({ key, title: r.sections[key], lines });

  const net = (entry: TBaseNetChange) => [
    interpolate(l.netChange, { currency: entry.currency, then: m(entry.then), now: m(entry.now), change: s(entry.change) }),
    interpolate(l.market, { amount: s(entry.market) }),
    interpolate(l.flows, {
      amount: s(entry.flows.total),
      accounts: s(entry.flows.accounts),
      investments: s(entry.flows.investments),
      liabilities: s(entry.flows.liabilities),
    }),
    ...(entry.connections.minor !== 0n ? [interpolate(l.connectionsNet, { amount: s(entry.connections) })] : []),
  ];
  const base = changes.base;
  const netLines = [
    ...net(base),
    ...(base.thenRatesDay || base.nowRatesDay
      ? [
          interpolate(l.ratesNote, {
            then: formatDay(base.thenRatesDay ?? base.nowRatesDay!, locale),
            now: formatDay(base.nowRatesDay ?? base.thenRatesDay!, locale),
          }),
        ]
      : []),
    ...(base.notConverted.length > 0 ? [interpolate(l.notConverted, { currencies: base.notConverted.join(", ") })] : []),
    // Per currency, as held, one line each, unless the base currency is all there is (the same figures twice).
    ...(changes.perCurrency.length === 1 && changes.perCurrency[0]!.currency === base.currency
      ? []
      : changes.perCurrency.map((entry) =>
          interpolate(l.perCurrency, {
            currency: entry.currency,
            then: m(entry.then),
            now: m(entry.now),
            change: s(entry.change),
            market: s(entry.market),
            flows: s(entry.flows.total),
          }),
        )),
  ];

  const p = changes.positions;
  const isinOf = (row: { isin: string }) => row.isin || t.wealth.common.none;
  const portfolioOf = (row: { portfolio: string | null }) => row.portfolio ?? t.wealth.common.none;
  const resized = (template: string) => (row: TPositionChange) =>
    interpolate(template, {
      name: row.name,
      isin: isinOf(row),
      bank: row.bank,
      percent: pct(Math.abs(row.percent)),
      from: qty(row.quantityThen),
      to: qty(row.quantityNow),
      valueFrom: m(row.valueThen),
      valueTo: m(row.valueNow),
    });
  // Opened and closed positions say the same things about a row, in their own words.
  const held = (template: string) => (row: (typeof p.opened)[number]) =>
    interpolate(template, {
      name: row.name,
      isin: isinOf(row),
      portfolio: portfolioOf(row),
      bank: row.bank,
      quantity: qty(row.quantity),
      value: m(row.value),
    });
  const positionLines = [
    ...p.opened.map(held(l.opened)),
    ...p.closed.map(held(l.closed)),
    ...p.grown.map(resized(l.grown)),
    ...p.shrunk.map(resized(l.shrunk)),
  ];

  const movementLines = changes.movements.map((row) =>
    interpolate(row.isFlow ? l.movement : l.movementNotFlow, {
      date: formatDay(row.day, locale),
      bank: row.bank,
      description: row.description,
      amount: s(row.amount),
    }),
  );

  const liabilityLines = [
    ...changes.liabilities.added.map((row) => interpolate(l.liabilityAdded, { name: row.name, bank: row.bank, amount: m(row.outstanding) })),
    ...changes.liabilities.repaid.map((row) => interpolate(l.liabilityRepaid, { name: row.name, bank: row.bank, amount: m(row.outstanding) })),
  ];

  const c = changes.connections;
  const stateName = (state: string | null) => (state ? ((t.connections.stateNames as Record<string, string>)[state] ?? state) : "");
  const productName = (product: string) => (t.connections.productNames as Record<string, string>)[product] ?? product;
  const connectionLines = [
    ...c.broke.map((row) => interpolate(l.broke, { bank: row.bank, state: stateName(row.stateNow) })),
    ...c.recovered.map((row) => interpolate(l.recovered, { bank: row.bank, state: stateName(row.stateNow) })),
    ...c.added.map((row) => interpolate(l.added, { bank: row.bank })),
    ...c.removed.map((row) => interpolate(l.removed, { bank: row.bank })),
    ...c.failedProducts.map((row) => interpolate(l.failedProducts, { bank: row.bank, products: row.products.map(productName).join(", ") })),
  ];

  const answers = (list: string[]) => (list.length > 0 ? list.join(", ") : l.noAnswer);
  const mifidLines = changes.mifid.map((row) =>
    interpolate(l.mifid, { question: row.question, bank: row.bank, then: answers(row.then), now: answers(row.now) }),
  );

  const threshold = changes.thresholds;
  return [
    section("netWealth", netLines),
    section("positions", positionLines.length > 0 ? positionLines : [interpolate(l.noPositions, { percent: pct(threshold.positionChangePercent) })]),
    section("movements", movementLines.length > 0 ? movementLines : [interpolate(l.noMovements, { amount: m(threshold.largeMovement) })]),
    section("liabilities", liabilityLines.length > 0 ? liabilityLines : [l.noLiabilities]),
    section("connections", connectionLines.length > 0 ? connectionLines : [l.noConnections]),
    section("mifid", mifidLines.length > 0 ? mifidLines : [l.noMifid]),
  ];
}
