import { describe, expect, it } from "vitest";
import { FxRates } from "@/lib/fx/fx-rates";
import { MESSAGES } from "@/lib/i18n/messages";
import { money } from "@/lib/money/money";
import { compareReview, type TReviewThresholds } from "./compare-review";
import { describeReviewChanges } from "./describe-review-changes";
import type { TFlowTransaction } from "./flows";
import { snapshotTotals, type TReviewSnapshot, type TSnapshotPosition } from "./review-snapshot";

const THRESHOLDS: TReviewThresholds = { positionChangePercent: 10, largeMovement: money(1_000_000n, "EUR") };
// 1 EUR = 1.25 USD on both days: a dollar is 0.80 €.
const RATES = new FxRates([
  { day: "2026-11-02", currency: "USD", perEuro: "1.25" },
  { day: "2026-12-04", currency: "USD", perEuro: "1.25" },
]);

const position = (id: string, quantity: string, valueMinor: bigint, currency = "EUR", connectionId = "c1"): TSnapshotPosition => ({
  connectionId,
  id,
  isin: `ES00000000${id}`,
  name: `Position ${id}`,
  portfolio: "Cartera de Valores",
  bank: "TestBank",
  type: "VI",
  quantity,
  valueMinor: String(valueMinor),
  currency,
});

type TRows = Partial<Pick<TReviewSnapshot, "positions" | "accounts" | "liabilities" | "connections" | "mifid">>;

function snapshot(rows: TRows, takenAt = "2026-11-02T10:00:00.000Z"): TReviewSnapshot {
  const full = {
    positions: rows.positions ?? [],
    accounts: rows.accounts ?? [],
    liabilities: rows.liabilities ?? [],
  };
  return {
    version: 1,
    takenAt,
    base: { currency: "EUR", netMinor: "0", ratesDay: "2026-11-02", notConverted: [] },
    totals: snapshotTotals(full),
    ...full,
    connections: rows.connections ?? [{ id: "c1", bank: "TestBank", state: "READY", erroredProducts: [], transactionsThrough: "2026-11-01" }],
    mifid: rows.mifid ?? [],
  };
}

const account = (balanceMinor: bigint, currency = "EUR", id = "acc", connectionId = "c1") => ({
  connectionId,
  id,
  name: "Cuenta Corriente",
  bank: "TestBank",
  balanceMinor: String(balanceMinor),
  currency,
});
const liability = (id: string, outstandingMinor: bigint) => ({
  connectionId: "c1",
  id,
  name: `Loan ${id}`,
  bank: "TestBank",
  outstandingMinor: String(outstandingMinor),
  currency: "EUR",
});

function tx(partial: Partial<TFlowTransaction> & Pick<TFlowTransaction, "kind" | "amountMinor">): TFlowTransaction {
  return {
    connectionId: "c1",
    id: `tx${Math.abs(Number(partial.amountMinor))}`,
    day: "2026-12-01",
    description: "MOVE",
    type: null,
    symb: null,
    currency: "EUR",
    bank: "TestBank",
    ...partial,
  };
}

const compare = (then: TReviewSnapshot, now: TReviewSnapshot, transactions: TFlowTransaction[] = [], thresholds = THRESHOLDS) =>
  compareReview({ then, now, transactions, thresholds, base: "EUR", rates: RATES });

describe("net wealth: market movement and flows", () => {
  it("a deposit is a flow, a price move is market", () => {
    const then = snapshot({ accounts: [account(100_000n)], positions: [position("1", "10", 500_000n)] });
    const now = snapshot({ accounts: [account(150_000n)], positions: [position("1", "10", 550_000n)] });
    const changes = compare(then, now, [tx({ kind: "account", type: "transfer", amountMinor: 50_000n })]);
    expect(changes.base.change).toEqual(money(100_000n, "EUR"));
    expect(changes.base.flows.total).toEqual(money(50_000n, "EUR"));
    expect(changes.base.flows.accounts).toEqual(money(50_000n, "EUR"));
    expect(changes.base.market).toEqual(money(50_000n, "EUR"));
  });

  it("a purchase paid from a connected account nets to no flow; interest on cash is market", () => {
    const then = snapshot({ accounts: [account(1_000_000n)], positions: [position("1", "10", 500_000n)] });
    const now = snapshot({ accounts: [account(500_500n)], positions: [position("1", "20", 1_000_000n)] });
    const changes = compare(then, now, [
      tx({ kind: "account", type: "transfer", amountMinor: -500_000n, id: "debit" }),
      tx({ kind: "investment", type: "1", symb: "+", amountMinor: -500_000n, id: "buy" }),
      tx({ kind: "account", type: "interest", amountMinor: 500n, id: "interest" }),
    ]);
    expect(changes.base.flows.accounts).toEqual(money(-500_000n, "EUR"));
    expect(changes.base.flows.investments).toEqual(money(500_000n, "EUR"));
    expect(changes.base.flows.total).toEqual(money(0n, "EUR"));
    expect(changes.base.market).toEqual(money(500n, "EUR"));
  });

  it("a sale is money out of the positions, a fund transfer counts by its symb, a dividend is not a flow", () => {
    const then = snapshot({ positions: [position("1", "10", 500_000n), position("2", "5", 100_000n)] });
    const now = snapshot({ positions: [position("2", "10", 200_000n)] });
    const changes = compare(then, now, [
      tx({ kind: "investment", type: "2", symb: "-", amountMinor: 500_000n, id: "sale" }),
      tx({ kind: "investment", type: "4", symb: "+", amountMinor: -100_000n, id: "transfer-in" }),
      tx({ kind: "investment", type: "5", symb: "+", amountMinor: 2_000n, id: "dividend" }),
    ]);
    expect(changes.base.flows.investments).toEqual(money(-400_000n, "EUR"));
    expect(changes.base.change).toEqual(money(-400_000n, "EUR"));
    expect(changes.base.market).toEqual(money(0n, "EUR"));
  });

  it("debt drawn into an account and debt repaid are flows that net out; liabilities have no market movement", () => {
    const then = snapshot({ accounts: [account(100_000n)], liabilities: [liability("old", 300_000n)] });
    const now = snapshot({ accounts: [account(2_100_000n)], liabilities: [liability("new", 2_000_000n)] });
    // The old loan was repaid from outside the connected banks; the new one was paid into the account.
    const changes = compare(then, now, [tx({ kind: "account", type: "transfer", amountMinor: 2_000_000n })]);
    expect(changes.base.flows.liabilities).toEqual(money(300_000n - 2_000_000n, "EUR"));
    expect(changes.base.flows.total).toEqual(money(300_000n, "EUR"));
    expect(changes.base.change).toEqual(money(300_000n, "EUR"));
    expect(changes.base.market).toEqual(money(0n, "EUR"));
    expect(changes.liabilities.added.map((l) => [l.name, l.outstanding])).toEqual([["Loan new", money(2_000_000n, "EUR")]]);
    expect(changes.liabilities.repaid.map((l) => [l.name, l.outstanding])).toEqual([["Loan old", money(300_000n, "EUR")]]);
  });

  it("keeps each currency apart and converts to the base currency at the review's rates and today's", () => {
    const then = snapshot({ accounts: [account(100_000n, "EUR"), account(100_000n, "USD", "usd")] });
    const now = snapshot({ accounts: [account(100_000n, "EUR"), account(225_000n, "USD", "usd")] });
    const changes = compare(then, now, [tx({ kind: "account", type: "transfer", amountMinor: 100_000n, currency: "USD" })]);
    const usd = changes.perCurrency.find((entry) => entry.currency === "USD")!;
    expect(usd.change).toEqual(money(125_000n, "USD"));
    expect(usd.flows.total).toEqual(money(100_000n, "USD"));
    expect(usd.market).toEqual(money(25_000n, "USD"));
    expect(changes.perCurrency.find((entry) => entry.currency === "EUR")!.change).toEqual(money(0n, "EUR"));
    // 1 250 $ = 1 000 €, 1 000 $ = 800 €.
    expect(changes.base.change).toEqual(money(100_000n, "EUR"));
    expect(changes.base.flows.total).toEqual(money(80_000n, "EUR"));
    expect(changes.base.market).toEqual(money(20_000n, "EUR"));
    expect(changes.base.notConverted).toEqual([]);
    // Written in the base currency, then one line per currency as held.
    const lines = describeReviewChanges(changes, MESSAGES.en, "en")[0]!.lines.map((line) => line.replace(/[\u00a0\u202f]/g, " "));
    expect(lines).toContain("Net wealth in EUR: €1,800.00 → €2,800.00 (+€1,000.00).");
    expect(lines).toContain("Held in USD: US$1,000.00 → US$2,250.00 (+US$1,250.00): market +US$250.00, flows +US$1,000.00.");
    expect(lines).toContain("Held in EUR: €1,000.00 → €1,000.00 (€0.00): market €0.00, flows €0.00.");
  });

  it("a currency without a rate stays out of the base figures and is named", () => {
    const then = snapshot({ accounts: [account(100_000n, "EUR"), account(100_000n, "CHF", "chf")] });
    const now = snapshot({ accounts: [account(120_000n, "EUR"), account(900_000n, "CHF", "chf")] });
    const changes = compare(then, now);
    expect(changes.base.notConverted).toEqual(["CHF"]);
    expect(changes.base.change).toEqual(money(20_000n, "EUR"));
  });

  it("a bank connected since the review is apart from market and flows, and its transactions are not read", () => {
    const then = snapshot({ accounts: [account(100_000n)] });
    const now = snapshot({
      accounts: [account(100_000n), account(700_000n, "EUR", "acc2", "c2")],
      connections: [
        { id: "c1", bank: "TestBank", state: "READY", erroredProducts: [], transactionsThrough: "2026-11-01" },
        { id: "c2", bank: "Banco Dos", state: "READY", erroredProducts: [], transactionsThrough: "2026-12-01" },
      ],
    });
    const changes = compare(then, now, [tx({ kind: "account", type: "transfer", amountMinor: 700_000n, connectionId: "c2" })]);
    expect(changes.base.connections).toEqual(money(700_000n, "EUR"));
    expect(changes.base.flows.total).toEqual(money(0n, "EUR"));
    expect(changes.base.market).toEqual(money(0n, "EUR"));
    expect(changes.connections.added.map((c) => c.bank)).toEqual(["Banco Dos"]);
    expect(changes.movements).toEqual([]);
  });
});

describe("positions", () => {
  it("lists opened and closed positions with their quantity and value", () => {
    const then = snapshot({ positions: [position("1", "10", 500_000n), position("2", "3", 90_000n, "USD")] });
    const now = snapshot({ positions: [position("1", "10", 500_000n), position("3", "100", 482_700n)] });
    const changes = compare(then, now);
    expect(changes.positions.opened.map((p) => [p.id, p.quantity, p.value])).toEqual([["3", "100", money(482_700n, "EUR")]]);
    expect(changes.positions.closed.map((p) => [p.id, p.quantity, p.value])).toEqual([["2", "3", money(90_000n, "USD")]]);
  });

  it("lists a quantity change of exactly the threshold, not one just below it; a price move alone is not a resize", () => {
    const then = snapshot({
      positions: [position("at", "100", 100n), position("below", "100", 100n), position("shrunk", "1.5", 100n), position("priced", "10", 100n)],
    });
    const now = snapshot({
      positions: [position("at", "110", 110n), position("below", "109.9999", 110n), position("shrunk", "1.35", 90n), position("priced", "10", 900n)],
    });
    const changes = compare(then, now);
    expect(changes.positions.grown.map((p) => [p.id, p.percent])).toEqual([["at", 10]]);
    expect(changes.positions.shrunk.map((p) => [p.id, p.percent])).toEqual([["shrunk", -10]]);
  });
});

describe("large movements", () => {
  it("lists movements at or above the threshold, in either sign, converting other currencies; newest first", () => {
    const transactions = [
      tx({ kind: "account", type: "transfer", amountMinor: 1_000_000n, id: "at", day: "2026-11-20" }),
      tx({ kind: "account", type: "transfer", amountMinor: -999_999n, id: "below" }),
      tx({ kind: "account", type: "transfer", amountMinor: -1_500_000n, id: "out", day: "2026-12-02" }),
      // 1 250 000 $ cents = 10 000 €: at the threshold. 1 249 998 $ cents = 9 999.98 €: below.
      tx({ kind: "account", type: "transfer", amountMinor: 1_250_000n, id: "usd-at", currency: "USD" }),
      tx({ kind: "account", type: "transfer", amountMinor: 1_249_998n, id: "usd-below", currency: "USD" }),
      tx({ kind: "investment", type: "5", amountMinor: 2_000_000n, id: "dividend" }),
    ];
    const changes = compare(snapshot({}), snapshot({}), transactions);
    expect(changes.movements.map((m) => [m.id, m.isFlow])).toEqual([
      ["out", true],
      ["dividend", false],
      ["usd-at", true],
      ["at", true],
    ]);
  });
});

describe("connections and MiFID answers", () => {
  it("finds a connection that broke, one that came back, products that started failing and a bank removed", () => {
    const connection = (id: string, state: string, erroredProducts: string[] = []) => ({
      id,
      bank: `Bank ${id}`,
      state,
      erroredProducts,
      transactionsThrough: null,
    });
    const then = snapshot({
      connections: [connection("a", "READY"), connection("b", "NEEDS_SCA"), connection("c", "PARTIAL", ["card"]), connection("d", "READY")],
    });
    const now = snapshot({ connections: [connection("a", "BLOCKED"), connection("b", "READY"), connection("c", "PARTIAL", ["card", "mifid"])] });
    const changes = compare(then, now);
    expect(changes.connections.broke.map((c) => [c.bank, c.stateNow])).toEqual([["Bank a", "BLOCKED"]]);
    expect(changes.connections.recovered.map((c) => c.bank)).toEqual(["Bank b"]);
    expect(changes.connections.failedProducts).toEqual([{ id: "c", bank: "Bank c", products: ["mifid"] }]);
    expect(changes.connections.removed.map((c) => c.bank)).toEqual(["Bank d"]);
  });

  it("lists a changed answer, whatever the order of a multiple answer", () => {
    const q = (questionId: string, answers: string[]) => ({ connectionId: "c1", questionId, question: `Question ${questionId}?`, answers });
    const then = snapshot({ mifid: [q("1", ["Menos de 2 años"]), q("2", ["Acciones", "Fondos"])] });
    const now = snapshot({ mifid: [q("1", ["Más de 5 años"]), q("2", ["Fondos", "Acciones"])] });
    expect(compare(then, now).mifid).toEqual([{ bank: "TestBank", question: "Question 1?", then: ["Menos de 2 años"], now: ["Más de 5 años"] }]);
  });
});

describe("describeReviewChanges", () => {
  it("writes every change as a sentence with its currency, in Spanish and in English, and says when a section has none", () => {
    const then = snapshot({ accounts: [account(100_000n)], positions: [position("1", "10", 500_000n)], liabilities: [liability("old", 300_000n)] });
    const now = snapshot({ accounts: [account(5_100_000n)], positions: [position("1", "15", 750_000n)] });
    const changes = compare(then, now, [tx({ kind: "account", type: "transfer", amountMinor: 5_000_000n, description: "TRANSFERENCIA DE HERENCIA" })]);
    const es = describeReviewChanges(changes, MESSAGES.es, "es");
    expect(es.map((section) => section.title)).toEqual(["Patrimonio neto", "Posiciones", "Movimientos grandes", "Deudas", "Conexiones", "Respuestas MiFID"]);
    // Intl writes narrow and no-break spaces: compared as plain spaces.
    const text = (sections: typeof es) => sections.map((section) => section.lines.join("\n").replace(/[\u00a0\u202f]/g, " ")).join("\n");
    expect(text(es)).toContain("1 dic 2026, TestBank: TRANSFERENCIA DE HERENCIA: +50.000,00 €.");
    expect(text(es)).toContain("Aumentada 50 %: Position 1 (ES000000001) en TestBank: 10 → 15 títulos, 5000,00 € → 7500,00 €.");
    expect(text(es)).toContain("Amortizada: Loan old en TestBank: 3000,00 € pendiente en la revisión.");
    expect(text(es)).toContain("Ninguna respuesta MiFID ha cambiado.");
    // Only the base currency is held: its figures are not written twice.
    expect(es[0]!.lines.filter((line) => line.startsWith("Patrimonio neto en EUR"))).toHaveLength(1);
    const en = describeReviewChanges(changes, MESSAGES.en, "en");
    expect(text(en)).toContain("Market movement: +€2,500.00.");
    expect(text(en)).toContain("Net wealth in EUR: €3,000.00 → €58,500.00 (+€55,500.00).");
  });
});
