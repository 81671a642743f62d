// Data that moves on (issue 20.4): each POST _control/evolve of a set of credentials adds one
// "evolution" (a deposit and a large withdrawal, one position grown, one closed, one opened, a price
// move, a new loan and one repaid, a MiFID answer changed), applied on top of the generated data, so a
// review has something to find. Deterministic: the same credentials and evolution count give the same
// data. Like the rest of the sandbox's data, nothing of it is stored but the evolutions' times.
import type { TAccountTransaction, TAccountTransactionsView } from "./account-transactions";
import { CATALOG } from "./catalog";
import { isoDayOfMs } from "./dates";
import type { TCredentialsData, TRecord } from "./generate-data";
import { hexId, money, roundTo } from "./prng";

/** What one evolution did, with the figures a test checks the app against (amounts in the record's currency). */
export type TEvolutionSummary = {
  day: string;
  deposit: { description: string; amount: number; currency: string } | null;
  withdrawal: { description: string; amount: number; currency: string } | null;
  grown: { name: string; isin: string; quantityBefore: number; quantityAfter: number; buyCost: number; currency: string } | null;
  closed: { name: string; isin: string; quantity: number; proceeds: number; currency: string } | null;
  opened: { name: string; isin: string; quantity: number; cost: number; currency: string } | null;
  priceMoved: { name: string; isin: string; balanceBefore: number; balanceAfter: number; currency: string } | null;
  newLiability: { name: string; balance: number; currency: string } | null;
  repaidLiability: { name: string; balance: number; currency: string } | null;
  mifid: { question: string; before: string[]; after: string[] } | null;
};

export const EVOLVE_DEPOSIT = 50_000;
export const EVOLVE_WITHDRAWAL = 30_000;
export const EVOLVE_LOAN = 20_000;
/** A position grows by half, a price moves by a tenth. */
const GROWTH = 1.5;
const PRICE_MOVE = 1.1;

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const isEquityLike = (record: TRecord) => record.type === "VI" || record.type === "ETF";

/** Applies every evolution in order (their times in ms); returns the data and what the last one did (null without any). */
export function applyEvolutions(
  data: TCredentialsData,
  token: string,
  evolutionTimes: readonly number[],
): { data: TCredentialsData; last: TEvolutionSummary | null } {
  let current = data;
  let last: TEvolutionSummary | null = null;
  for (const [index, at] of evolutionTimes.entries()) {
    const result = evolveOnce(current, token, index + 1, isoDayOfMs(at));
    current = result.data;
    last = result.summary;
  }
  return { data: current, last };
}

function evolveOnce(data: TCredentialsData, token: string, n: number, day: string): { data: TCredentialsData; summary: TEvolutionSummary } {
  const accounts = data.accounts.map((a) => ({ ...a }));
  let investments = data.investments.map((i) => ({ ...i }));
  let details = data.investmentDetails.map((d) => ({ ...d }));
  const investmentTransactions = [...data.investmentTransactions];
  let liabilities = data.liabilities.map((l) => ({ ...l }));
  const mifid = data.mifid.map((q) => ({ ...q }));
  const newAccountTx: TAccountTransaction[] = [];
  const summary: TEvolutionSummary = {
    day,
    deposit: null,
    withdrawal: null,
    grown: null,
    closed: null,
    opened: null,
    priceMoved: null,
    newLiability: null,
    repaidLiability: null,
    mifid: null,
  };

  // Cash: into and out of the first EUR account (the current account), as transfers.
  const cash = accounts.find((a) => a.currency === "EUR");
  const addAccountTx = (key: string, amount: number, description: string, flanksCategory: string) => {
    if (!cash) return;
    cash.balance = money(num(cash.balance) + amount);
    newAccountTx.push({
      _id: hexId(token, "evolve-tx", n, key),
      external_id: null,
      entity: cash.entity,
      account_id: String(cash.iban),
      amount,
      balance: cash.balance,
      cardNumber: null,
      category: "Transferencias",
      flanks_category: flanksCategory,
      type: "transfer",
      currency: "EUR",
      operationDate: day,
      valueDate: day,
      description,
      productDescription: cash.description ?? null,
      transaction_id: null,
      transfer: { beneficiary: null, ibanBeneficiary: null, ibanOrdenant: null, ordenant: null },
      norma43: "04",
      order_id: null,
      pair_transaction_id: null,
    });
  };
  if (cash) {
    addAccountTx("deposit", EVOLVE_DEPOSIT, `TRANSFERENCIA DE HERENCIA NOTARIA ${n}`, "transfer_in");
    addAccountTx("withdrawal", -EVOLVE_WITHDRAWAL, `TRANSFERENCIA A INMOBILIARIA SOL SL ${n}`, "transfer_out");
    summary.deposit = { description: `TRANSFERENCIA DE HERENCIA NOTARIA ${n}`, amount: EVOLVE_DEPOSIT, currency: "EUR" };
    summary.withdrawal = { description: `TRANSFERENCIA A INMOBILIARIA SOL SL ${n}`, amount: -EVOLVE_WITHDRAWAL, currency: "EUR" };
  }

  const investmentTx = (investment: TRecord, key: string, fields: TRecord): TRecord => ({
    _id: hexId(token, "evolve-investment-tx", n, key),
    external_id: null,
    investment_id: investment._id,
    isin: investment.isin,
    entity: investment.entity,
    currency: investment.currency,
    operationDate: day,
    valueDate: day,
    commission: 0,
    exchange: 1,
    ...fields,
  });

  // One EUR share or ETF grows by half, bought at its current price.
  const grown = investments.find((i) => isEquityLike(i) && i.currency === "EUR" && num(i.amount) >= 2);
  if (grown) {
    const before = num(grown.amount);
    const price = num(grown.balance) / before;
    const after = Math.round(before * GROWTH);
    const cost = money((after - before) * price);
    grown.amount = after;
    grown.balance = money(num(grown.balance) + cost);
    investmentTransactions.push(
      investmentTx(grown, "buy", {
        amount: after - before,
        balance: after,
        description: "COMPRA",
        type: "1",
        symb: "+",
        unitPrice: roundTo(price, 4),
        netCash: -cost,
      }),
    );
    summary.grown = {
      name: String(grown.name),
      isin: String(grown.isin),
      quantityBefore: before,
      quantityAfter: after,
      buyCost: cost,
      currency: String(grown.currency),
    };
  }

  // Another EUR share or ETF moves in price by a tenth: market, not a flow.
  const moved = investments.find((i) => i !== grown && isEquityLike(i) && i.currency === "EUR");
  if (moved) {
    const before = num(moved.balance);
    moved.balance = money(before * PRICE_MOVE);
    const detail = details.find((d) => d._id === moved._id);
    if (detail && typeof detail.price === "number") detail.price = roundTo(detail.price * PRICE_MOVE, 4);
    summary.priceMoved = {
      name: String(moved.name),
      isin: String(moved.isin),
      balanceBefore: before,
      balanceAfter: num(moved.balance),
      currency: String(moved.currency),
    };
  }

  // One fund is redeemed whole.
  const closed = investments.find((i) => i.type === "F" && i.currency === "EUR");
  if (closed) {
    investments = investments.filter((i) => i !== closed);
    details = details.filter((d) => d._id !== closed._id);
    investmentTransactions.push(
      investmentTx(closed, "sale", {
        amount: -num(closed.amount),
        balance: 0,
        description: "REEMBOLSO",
        type: "2",
        symb: "-",
        unitPrice: roundTo(num(closed.balance) / Math.max(num(closed.amount), 1e-9), 4),
        netCash: num(closed.balance),
      }),
    );
    summary.closed = {
      name: String(closed.name),
      isin: String(closed.isin),
      quantity: num(closed.amount),
      proceeds: num(closed.balance),
      currency: String(closed.currency),
    };
  }

  // A new position: the first euro ETF (else share) of the catalog not held, 100 shares at its catalog price. Every
  // change is in euros, so that in the base currency the market movement is the price move to the cent.
  const held = new Set(investments.map((i) => i.isin));
  const isNew = (candidate: { isin: string; currency: string }) => candidate.currency === "EUR" && !held.has(candidate.isin);
  const instrument = CATALOG.ETF.find(isNew) ?? CATALOG.VI.find(isNew);
  const portfolio = instrument ? (data.portfolios.find((p) => p.currency === instrument.currency) ?? data.portfolios[0]) : undefined;
  if (instrument && portfolio) {
    const id = hexId(token, "investment", instrument.isin);
    const quantity = 100;
    const cost = money(quantity * instrument.price);
    const record: TRecord = {
      _id: id,
      external_id: null,
      name: instrument.name,
      isin: instrument.isin,
      symbol: instrument.symbol,
      entity: portfolio.entity,
      type: instrument.type,
      sybtype: instrument.sybtype,
      amount: quantity,
      balance: cost,
      currency: instrument.currency,
      portfolio_id: portfolio._id,
      cost,
      is_nominal: false,
      performance: 0,
      performance_detail: { MTD: 0, QTD: 0, HalfYear: 0, YTD: 0, Yearly: 0, InitialToDate: 0, InitialToDateYearly: 0 },
      initial_date: day,
      market: instrument.market,
      operating_market: instrument.operatingMarket,
      country_model: [],
      updated_at_timestamp: data.investments[0]?.updated_at_timestamp ?? null,
    };
    investments.push(record);
    details.push({
      _id: id,
      investment_id: id,
      isin: instrument.isin,
      name: instrument.name,
      type: instrument.type,
      entity: portfolio.entity,
      currency: instrument.currency,
      price: instrument.price,
    });
    investmentTransactions.push(
      investmentTx(record, "open", {
        amount: quantity,
        balance: quantity,
        description: "COMPRA",
        type: "1",
        symb: "+",
        unitPrice: instrument.price,
        netCash: -cost,
      }),
    );
    summary.opened = { name: instrument.name, isin: instrument.isin, quantity, cost, currency: instrument.currency };
  }

  // A new personal loan (paid into the current account), and the confirming line repaid (from outside the bank).
  const entity = data.liabilities[0]?.entity ?? data.accounts[0]?.entity ?? "";
  const loanName = `Préstamo Personal Reforma ${n}`;
  liabilities.push({
    name: loanName,
    type: "Loan",
    balance: EVOLVE_LOAN,
    currency: "EUR",
    initialCapital: EVOLVE_LOAN,
    initialCapitalCurrency: "EUR",
    openingDate: day,
    expirationDate: null,
    entity,
    _id: hexId(token, "liability", `evolve-${n}`),
    external_id: null,
    periodicity: "monthly",
    subtype: "personal_loan",
    interest: { rate: 5.5, benchmark: null, spread: null, type: "fixed" },
    contractNumber: null,
    updated_at_timestamp: data.liabilities[0]?.updated_at_timestamp ?? null,
  });
  addAccountTx("loan", EVOLVE_LOAN, `ABONO ${loanName.toUpperCase()}`, "loan");
  summary.newLiability = { name: loanName, balance: EVOLVE_LOAN, currency: "EUR" };
  const repaid = liabilities.find((l) => l.type === "Confirming") ?? liabilities.find((l) => l.type === "Credit" && num(l.balance) > 0);
  if (repaid) {
    liabilities = liabilities.filter((l) => l !== repaid);
    summary.repaidLiability = { name: String(repaid.name), balance: num(repaid.balance), currency: String(repaid.currency) };
  }

  // The MiFID answer about equity experience moves one step on.
  const question = mifid.find((q) => String(q.question).includes("renta variable")) ?? mifid[0];
  if (question) {
    const before = Array.isArray(question.answer) ? question.answer.map(String) : [];
    const after = before[0] === "Más de 5 años" ? ["Entre 2 y 5 años"] : ["Más de 5 años"];
    question.answer = after;
    summary.mifid = { question: String(question.question), before, after };
  }

  // Portfolios are worth the sum of their positions.
  const portfolios = data.portfolios.map((p) => ({
    ...p,
    balance: money(investments.filter((i) => i.portfolio_id === p._id).reduce((sum, i) => sum + num(i.balance), 0)),
  }));

  return {
    data: {
      ...data,
      accounts,
      accountTransactions: withNewerTransactions(data.accountTransactions, newAccountTx, accounts, data.accounts),
      portfolios,
      investments,
      investmentDetails: details,
      investmentTransactions,
      liabilities,
      mifid,
    },
    summary,
  };
}

/** The generated history with newer records on top (newest first), and the accounts' final balances moved by them. */
function withNewerTransactions(
  view: TAccountTransactionsView,
  newer: readonly TAccountTransaction[],
  accountsNow: readonly TRecord[],
  accountsBefore: readonly TRecord[],
): TAccountTransactionsView {
  if (newer.length === 0) return view;
  const top = [...newer].reverse();
  const count = view.count + top.length;
  const range = (start: number, end: number): TAccountTransaction[] => {
    const from = Math.max(0, start);
    const to = Math.min(count, end);
    if (to <= from) return [];
    const head = top.slice(from, Math.min(to, top.length));
    const rest = to > top.length ? view.range(Math.max(0, from - top.length), to - top.length) : [];
    return [...head, ...rest];
  };
  return {
    count,
    finalBalanceCents: view.finalBalanceCents.map((cents, index) => {
      const delta = num(accountsNow[index]?.balance) - num(accountsBefore[index]?.balance);
      return Math.round(cents + delta * 100);
    }),
    range,
    page: (page, pageSize) => range((page - 1) * pageSize, page * pageSize),
    forEach: (visit) => {
      view.forEach(visit);
      for (const record of newer) visit(record);
    },
  };
}
