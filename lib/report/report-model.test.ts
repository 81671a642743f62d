import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { money } from "@/lib/money/money";
import { allocate } from "@/lib/wealth/allocation";
import { toBaseCurrency } from "@/lib/wealth/base-currency-overview";
import { currencyFigures } from "@/lib/wealth/test/currency-figures";
import { buildReportModel, type TReportInput, type TReportSection } from "./report-model";

// USD 1.00 at 1.6 per euro is 0.625 EUR: added to an even number of cents, the sum ends in .5 cent and half-even keeps the even cent (half-up would add one).
const rates = new FxRates([{ day: "2026-12-04", currency: "USD", perEuro: "1.6" }]);
const point = (day: string, netMinor: bigint) => ({ day, assetsMinor: netMinor, liabilitiesMinor: 0n, netMinor });

function input(overrides: Partial<TReportInput> = {}): TReportInput {
  const currencies = [
    currencyFigures("EUR", 123_456_788n, 2_000_000n, {
      history: [point("2026-03-01", 100_000_000n), point("2026-06-30", 110_000_000n), point("2026-12-04", 121_456_788n)],
    }),
    currencyFigures("USD", 100n, 0n, { history: [point("2026-03-01", 0n), point("2026-06-30", 0n), point("2026-12-04", 100n)] }),
  ];
  return {
    locale: "es",
    firmName: "Gestión Ñandú",
    clientName: "Carmen Ruiz",
    advisorName: "Ana García",
    generatedAt: new Date("2026-12-06T10:00:00Z"),
    timeZone: "Europe/Madrid",
    period: { from: "2026-06-30", to: "2026-12-05" },
    base: toBaseCurrency(currencies, "EUR", rates),
    currencies,
    bankName: (entity) => (entity === "testbank" ? "TestBank" : entity),
    positions: [{ name: "Fondo Global", isin: "LU0000000001", type: "F", bank: "TestBank", value: money(5_000_000n, "EUR"), performance: 0.0512 }],
    liabilities: [{ name: "Hipoteca", type: "M", bank: "TestBank", outstanding: money(2_000_000n, "EUR") }],
    banks: [
      { bank: "TestBank", dataAsOf: "2026-12-04", dataAsOfAt: null },
      { bank: "Other", dataAsOf: null, dataAsOfAt: null },
    ],
    changes: null,
    insights: [],
    ...overrides,
  };
}

const section = (sections: TReportSection[], id: string) => sections.find((s) => s.id === id)!;
const nbsp = (text: string) => text.replace(/\u00a0/g, " ");

describe("buildReportModel", () => {
  it("gives the overview's figures in the base currency, each rounded once (half-even), in Spanish", () => {
    const model = buildReportModel(input());
    expect(model.lang).toBe("es-ES");
    expect(model.title).toBe("Informe patrimonial");
    const net = section(model.sections, "net-wealth");
    expect(net.kind === "figures" && net.figures.map((f) => nbsp(f.value))).toEqual(["1.234.568,50 €", "20.000,00 €", "1.214.568,50 €"]);
    expect(net.notes[0]).toContain("4 dic 2026");
    const perCurrency = section(model.sections, "per-currency");
    expect(perCurrency.kind === "table" && perCurrency.rows.map((row) => row.map(nbsp))).toEqual([
      ["EUR", "1.234.567,88 €", "20.000,00 €", "1.214.567,88 €"],
      ["USD", "1,00 US$", "0,00 US$", "1,00 US$"],
    ]);
    expect(model.headerLines.map(nbsp)).toEqual([
      "Preparado para Carmen Ruiz",
      "Por Ana García, Gestión Ñandú",
      "Periodo: del 30 jun 2026 al 5 dic 2026",
      "Hecho el 6 dic 2026",
    ]);
  });

  it("writes everything in English for an English report, figures in en-GB's format", () => {
    const model = buildReportModel(input({ locale: "en" }));
    expect(model.lang).toBe("en-GB");
    expect(model.title).toBe("Wealth report");
    const net = section(model.sections, "net-wealth");
    expect(net.kind === "figures" && net.figures.map((f) => [f.label, f.value])).toEqual([
      ["Total assets", "€1,234,568.50"],
      ["Liabilities", "€20,000.00"],
      ["Net wealth", "€1,214,568.50"],
    ]);
    const positions = section(model.sections, "positions");
    expect(positions.kind === "table" && positions.rows).toEqual([["Fondo Global", "LU0000000001", "Funds", "TestBank", "€50,000.00", "5.12%"]]);
    expect(section(model.sections, "changes")).toMatchObject({ items: [], empty: "No review has been recorded yet." });
  });

  it("shows each allocation's shares from whole basis points (they add up to 100 %), with the bar's length from the same share", () => {
    const eur = currencyFigures("EUR", 300n, 0n, {
      byBank: allocate([
        { key: "a", minor: 100n },
        { key: "b", minor: 100n },
        { key: "c", minor: 100n },
        { key: "d", minor: -50n },
      ]),
    });
    const model = buildReportModel(input({ currencies: [eur], base: toBaseCurrency([eur], "EUR", rates) }));
    const byBank = section(model.sections, "by-bank");
    expect(byBank.kind === "bars" && byBank.bars.map((bar) => [bar.label, nbsp(bar.value), nbsp(bar.share), bar.ratio])).toEqual([
      ["a", "1,00 €", "33,34 %", 0.3334],
      ["b", "1,00 €", "33,33 %", 0.3333],
      ["c", "1,00 €", "33,33 %", 0.3333],
      // A negative slice is listed, takes no share and draws no bar.
      ["d", "-0,50 €", "—", 0],
    ]);
  });

  it("gives the net wealth at the period's ends from the last stored day on or before each, and says when there is none", () => {
    const model = buildReportModel(input({ period: { from: "2026-07-15", to: "2026-12-05" } }));
    const change = section(model.sections, "period-change");
    // 15 Jul: the 30 Jun point (110 000 000 EUR + 0 USD); 5 Dec: the 4 Dec point (121 456 788 EUR + 1 USD = 0.625 EUR, the sum rounded once half-even: …850.5 → …850).
    expect(change.kind === "figures" && change.figures.map((f) => nbsp(f.value))).toEqual(["1.100.000,00 €", "1.214.568,50 €", "114.568,50 €"]);
    const before = buildReportModel(input({ period: { from: "2026-01-01", to: "2026-12-05" } }));
    const none = section(before.sections, "period-change");
    expect(none.kind === "figures" && none.figures.map((f) => nbsp(f.value))).toEqual(["—", "1.214.568,50 €", "—"]);
    expect(none.notes.at(-1)).toBe("No hay cifra guardada en o antes del 1 ene 2026");
  });

  it("gives no figure for a period's end on a day without a rate, rather than an older day's", () => {
    // USD held on 30 Jun, before its first rate (4 Dec): that day is a gap, and 1 Mar's figure would not be the wealth of 15 Jul.
    const currencies = [
      currencyFigures("EUR", 123_456_788n, 2_000_000n, {
        history: [point("2026-03-01", 100_000_000n), point("2026-06-30", 110_000_000n), point("2026-12-04", 121_456_788n)],
      }),
      currencyFigures("USD", 100n, 0n, { history: [point("2026-03-01", 0n), point("2026-06-30", 100n), point("2026-12-04", 100n)] }),
    ];
    const model = buildReportModel(input({ period: { from: "2026-07-15", to: "2026-12-05" }, base: toBaseCurrency(currencies, "EUR", rates), currencies }));
    const change = section(model.sections, "period-change");
    expect(change.kind === "figures" && change.figures.map((f) => nbsp(f.value))).toEqual(["—", "1.214.568,50 €", "—"]);
    expect(change.notes.at(-1)).toBe("No hay tipo de cambio para convertir la cifra del 30 jun 2026");
  });

  it("lists the changes and the chosen insights as given, each insight with its source", () => {
    const model = buildReportModel(
      input({
        changes: [{ title: "Posiciones abiertas", lines: ["Fondo Global: 50.000,00 €"] }],
        insights: [{ id: "fgd-1", title: "Garantía de depósitos", sentence: "20.000 € por encima del FGD en TestBank.", source: "Fuente: saldos de cuentas." }],
      }),
    );
    expect(section(model.sections, "changes")).toMatchObject({ items: [{ title: "Posiciones abiertas", lines: ["Fondo Global: 50.000,00 €"] }] });
    expect(section(model.sections, "insights")).toMatchObject({
      items: [{ title: "Garantía de depósitos", lines: ["20.000 € por encima del FGD en TestBank.", "Fuente: saldos de cuentas."] }],
    });
  });

  it("says each bank's data date, or that it is not known yet", () => {
    const asOf = section(buildReportModel(input()).sections, "data-as-of");
    expect(asOf.kind === "table" && asOf.rows).toEqual([
      ["TestBank", "4 dic 2026"],
      ["Other", "aún no se conoce"],
    ]);
  });
});
