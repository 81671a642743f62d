import "server-only";
import { getDb } from "@/lib/db";
import { parseList } from "@/lib/connections/connection-dto";
import { currenciesKey, loadFxRates } from "@/lib/fx/load-fx-rates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFlowTransaction } from "@/lib/review/flows";
import { snapshotTotals, type TReviewSnapshot } from "@/lib/review/review-snapshot";
import { toBaseCurrencyTotals } from "@/lib/wealth/base-currency-overview";
import { money } from "@/lib/money/money";

type TDb = Prisma.TransactionClient;

/*
 * The reads behind a review: today's stored data of a client as a review snapshot, and the
 * transactions after a snapshot. Called by the review services after their access check; nothing
 * here checks access itself.
 */

/**
 * The client's stored data now, in the shape a review keeps (lib/review/review-snapshot.ts).
 * `withTransactionDays`: only a snapshot to be stored needs each connection's newest transaction day
 * (a scan of the client's transactions); today's side of a comparison does not, and skips it.
 */
export async function loadReviewSnapshot(
  clientId: string,
  base: string,
  { db = getDb(), now = new Date(), withTransactionDays = true }: { db?: TDb; now?: Date; withTransactionDays?: boolean } = {},
): Promise<TReviewSnapshot> {
  const where = { clientId };
  const noDays = Promise.resolve([] as { connectionId: string; _max: { operationDate: string | null } }[]);
  const [connections, portfolios, investments, accounts, liabilities, mifid, accountDays, investmentDays] = await Promise.all([
    db.connection.findMany({ where, select: { id: true, bank: true, bankName: true, state: true, erroredProducts: true }, orderBy: { createdAt: "asc" } }),
    db.wealthPortfolio.findMany({ where, select: { connectionId: true, flanksId: true, name: true } }),
    db.wealthInvestment.findMany({
      where,
      select: { connectionId: true, flanksId: true, isin: true, name: true, portfolioId: true, type: true, quantity: true, balanceMinor: true, currency: true },
      orderBy: [{ connectionId: "asc" }, { flanksId: "asc" }],
    }),
    db.wealthAccount.findMany({
      where,
      select: { connectionId: true, flanksId: true, alias: true, iban: true, balanceMinor: true, currency: true },
      orderBy: [{ connectionId: "asc" }, { flanksId: "asc" }],
    }),
    db.wealthLiability.findMany({
      where,
      select: { connectionId: true, flanksId: true, name: true, balanceMinor: true, currency: true },
      orderBy: [{ connectionId: "asc" }, { flanksId: "asc" }],
    }),
    db.wealthMifidAnswer.findMany({ where, select: { connectionId: true, questionId: true, question: true, answersJson: true }, orderBy: { position: "asc" } }),
    withTransactionDays ? db.wealthAccountTransaction.groupBy({ by: ["connectionId"], where, _max: { operationDate: true } }) : noDays,
    withTransactionDays ? db.wealthInvestmentTransaction.groupBy({ by: ["connectionId"], where, _max: { operationDate: true } }) : noDays,
  ]);
  const bankOf = new Map(connections.map((c) => [c.id, c.bankName ?? c.bank]));
  const bank = (connectionId: string) => bankOf.get(connectionId) ?? "";
  const portfolioName = new Map(portfolios.map((p) => [`${p.connectionId}|${p.flanksId}`, p.name]));
  const through = new Map<string, string>();
  for (const row of [...accountDays, ...investmentDays]) {
    const day = row._max.operationDate;
    if (day && day > (through.get(row.connectionId) ?? "")) through.set(row.connectionId, day);
  }
  const rows = {
    positions: investments.map((row) => ({
      connectionId: row.connectionId,
      id: row.flanksId,
      isin: row.isin,
      name: row.name,
      portfolio: portfolioName.get(`${row.connectionId}|${row.portfolioId}`) ?? null,
      bank: bank(row.connectionId),
      type: row.type,
      quantity: row.quantity,
      valueMinor: String(row.balanceMinor),
      currency: row.currency,
    })),
    accounts: accounts.map((row) => ({
      connectionId: row.connectionId,
      id: row.flanksId,
      name: row.alias || row.iban,
      bank: bank(row.connectionId),
      balanceMinor: String(row.balanceMinor),
      currency: row.currency,
    })),
    liabilities: liabilities.map((row) => ({
      connectionId: row.connectionId,
      id: row.flanksId,
      name: row.name,
      bank: bank(row.connectionId),
      outstandingMinor: String(row.balanceMinor),
      currency: row.currency,
    })),
  };
  const totals = snapshotTotals(rows);
  const rates = await loadFxRates(currenciesKey([base, ...totals.map((entry) => entry.currency)]), null);
  const inBase = toBaseCurrencyTotals(
    totals.map((entry) => ({
      currency: entry.currency,
      assets: money(BigInt(entry.assetsMinor), entry.currency),
      liabilities: money(BigInt(entry.liabilitiesMinor), entry.currency),
      net: money(BigInt(entry.assetsMinor) - BigInt(entry.liabilitiesMinor), entry.currency),
      byType: [],
      byBank: [],
    })),
    base,
    rates,
  );
  return {
    version: 1,
    takenAt: now.toISOString(),
    base: { currency: base, netMinor: String(inBase.net.minor), ratesDay: inBase.ratesDay, notConverted: inBase.notConverted.map((entry) => entry.currency) },
    totals,
    ...rows,
    connections: connections.map((c) => ({
      id: c.id,
      bank: c.bankName ?? c.bank,
      state: c.state,
      erroredProducts: parseList(c.erroredProducts),
      transactionsThrough: through.get(c.id) ?? null,
    })),
    mifid: mifid.map((row) => ({ connectionId: row.connectionId, questionId: row.questionId, question: row.question, answers: parseAnswers(row.answersJson) })),
  };
}

function parseAnswers(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map((answer) => String(answer)) : [String(value)];
  } catch {
    return [];
  }
}

/**
 * Account and investment transactions of each connection after the day its review snapshot held
 * transactions through. Read through the (clientId, operationDate) indexes from the earliest of those
 * days, then kept per connection; a connection that had none at the review gives all of its own.
 */
export async function loadTransactionsAfter(clientId: string, then: TReviewSnapshot, db: TDb = getDb()): Promise<TFlowTransaction[]> {
  if (then.connections.length === 0) return [];
  const throughOf = new Map(then.connections.map((c) => [c.id, c.transactionsThrough]));
  const days = then.connections.map((c) => c.transactionsThrough).filter((day): day is string => day !== null);
  const undated = then.connections.filter((c) => c.transactionsThrough === null).map((c) => c.id);
  const after = [
    ...(days.length > 0 ? [{ clientId, operationDate: { gt: days.sort()[0]! } }] : []),
    ...(undated.length > 0 ? [{ clientId, connectionId: { in: undated } }] : []),
  ];
  if (after.length === 0) return [];
  const isAfter = (row: { connectionId: string; operationDate: string }) => {
    if (!throughOf.has(row.connectionId)) return false;
    const through = throughOf.get(row.connectionId);
    return through === null || through === undefined || row.operationDate > through;
  };
  const bankOf = new Map(then.connections.map((c) => [c.id, c.bank]));
  const [allAccounts, allInvestments] = await Promise.all([
    db.wealthAccountTransaction.findMany({
      where: { OR: after },
      select: { connectionId: true, flanksId: true, operationDate: true, description: true, type: true, amountMinor: true, currency: true },
    }),
    db.wealthInvestmentTransaction.findMany({
      where: { OR: after },
      select: { connectionId: true, flanksId: true, operationDate: true, description: true, type: true, symb: true, netCashMinor: true, currency: true },
    }),
  ]);
  const accounts = allAccounts.filter(isAfter);
  const investments = allInvestments.filter(isAfter);
  return [
    ...accounts.map((row): TFlowTransaction => ({
      connectionId: row.connectionId,
      kind: "account",
      id: row.flanksId,
      day: row.operationDate,
      description: row.description,
      type: row.type,
      symb: null,
      amountMinor: row.amountMinor,
      currency: row.currency,
      bank: bankOf.get(row.connectionId) ?? "",
    })),
    ...investments.map((row): TFlowTransaction => ({
      connectionId: row.connectionId,
      kind: "investment",
      id: row.flanksId,
      day: row.operationDate,
      description: row.description,
      type: row.type,
      symb: row.symb,
      amountMinor: row.netCashMinor,
      currency: row.currency,
      bank: bankOf.get(row.connectionId) ?? "",
    })),
  ];
}
