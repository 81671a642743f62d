// Maps parsed Flanks records (lib/flanks/schemas) to the rows stored by a sync. Pure: no I/O.
// Every field without a column of its own, documented or not, is kept in `extraJson`.
import type {
  TAccount,
  TAccountTransaction,
  TCard,
  TCardTransaction,
  THolder,
  TIdentity,
  TInvestment,
  TInvestmentDetail,
  TInvestmentTransaction,
  TLiability,
  TLiabilityTransaction,
  TMifidAnswer,
  TPortfolio,
} from "@/lib/flanks/schemas";
import { plainDecimal, storedCurrency, toMinor, toMinorOrNull } from "./decimal";

/**
 * Rows name connectionId and clientId one by one: `{ ...scope, … }` built each row ~100× slower
 * in V8 (1.7 s CPU for 100 000 account transactions, against ~20 ms).
 */
/** `bank`: the connection's bank code, the entity of a record whose own `entity` Flanks left out (decision 038). */
export type TScope = { connectionId: string; clientId: string; bank?: string };

/** The record's fields that have no column, as JSON ("{}" when none). */
function extraOf(record: Record<string, unknown>, used: readonly string[]): string {
  const rest: Record<string, unknown> = {};
  // for…in over plain parsed JSON: no [key, value] pair allocated per field (100 000 records a sync).
  for (const key in record) if (!used.includes(key)) rest[key] = record[key];
  return JSON.stringify(rest);
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);
/**
 * A text Flanks did not send, for a column that cannot be null: "" means unknown (pages show a dash).
 * Records are read leniently (lib/flanks/schemas/common.ts): only what identifies or values a record
 * is required, so names, dates and links to a parent may be missing.
 */
const text = (value: string | null | undefined): string => value ?? "";

export function normalizeIdentity({ connectionId, clientId }: TScope, identity: TIdentity) {
  // `_id` is the credentials token itself: never stored in clear, never shown.
  const used = ["_id", "name", "fullName", "surname1", "surname2", "birthDate", "address", "contactInfo", "identityDocument", "gender", "occupation", "sector"];
  return {
    connectionId,
    clientId,
    name: orNull(identity.name),
    fullName: orNull(identity.fullName),
    surname1: orNull(identity.surname1),
    surname2: orNull(identity.surname2),
    birthDate: orNull(identity.birthDate),
    identityDocument: orNull(identity.identityDocument),
    gender: orNull(identity.gender),
    occupation: orNull(identity.occupation),
    sector: orNull(identity.sector),
    addressJson: json(identity.address),
    contactInfoJson: JSON.stringify(identity.contactInfo ?? []),
    extraJson: extraOf(identity, used),
  };
}

/** An identity whose every documented field is null (what Flanks gives before `auth` is extracted). */
export function isBlankIdentity(identity: TIdentity): boolean {
  return !identity.name && !identity.fullName && !identity.identityDocument && !identity.surname1;
}

export function normalizeHolders({ connectionId, clientId }: TScope, holders: THolder[]) {
  return holders.map((holder) => ({
    connectionId,
    clientId,
    productId: holder.product_id,
    productName: text(holder.product_name),
    name: holder.name,
    rel: text(holder.rel),
    extraJson: extraOf(holder, ["product_id", "product_name", "name", "rel"]),
  }));
}

export function normalizeAccounts({ connectionId, clientId, bank = "" }: TScope, accounts: TAccount[]) {
  const used = ["_id", "iban", "alias", "entity", "description", "balance", "currency", "isOwner", "numOwners", "owners"];
  return accounts.map((account) => {
    const currency = storedCurrency(account.currency);
    return {
      connectionId,
      clientId,
      flanksId: account._id,
      iban: text(account.iban),
      alias: text(account.alias),
      entity: text(account.entity) || bank,
      description: orNull(account.description),
      balanceMinor: toMinor(account.balance, currency),
      currency,
      isOwner: orNull(account.isOwner),
      numOwners: Math.trunc(account.numOwners ?? account.owners.length),
      ownersJson: JSON.stringify(account.owners),
      extraJson: extraOf(account, used),
    };
  });
}

export function normalizeAccountTransactions({ connectionId, clientId, bank = "" }: TScope, transactions: TAccountTransaction[]) {
  const used = ["_id", "account_id", "entity", "amount", "balance", "currency", "operationDate", "valueDate", "description", "category", "type"];
  return transactions.map((tx) => {
    const currency = storedCurrency(tx.currency);
    return {
      connectionId,
      clientId,
      flanksId: tx._id,
      accountId: text(tx.account_id),
      entity: text(tx.entity) || bank,
      amountMinor: toMinor(tx.amount, currency),
      balanceMinor: toMinorOrNull(tx.balance, currency),
      currency,
      operationDate: text(tx.operationDate ?? tx.valueDate),
      valueDate: text(tx.valueDate ?? tx.operationDate),
      description: text(tx.description),
      category: orNull(tx.category),
      type: orNull(tx.type),
      extraJson: extraOf(tx, used),
    };
  });
}

export function normalizeCards({ connectionId, clientId, bank = "" }: TScope, cards: TCard[], currencyOfCard: (card: TCard) => string = () => "EUR") {
  const used = ["_id", "entity", "product", "contractNumber", "pan", "cardType", "emissionDate", "expirationDate", "availableBalance"];
  return cards.map((card) => {
    // The reference gives a card no currency: a bank that sends one gives the card's own, which wins
    // over its transactions' (the fallback); before, the transactions' overwrote it in extraJson.
    const own: unknown = card.currency;
    const currency = storedCurrency(typeof own === "string" && own.trim() !== "" ? own : currencyOfCard(card));
    return {
      connectionId,
      clientId,
      flanksId: card._id,
      entity: text(card.entity) || bank,
      product: orNull(card.product),
      contractNumber: orNull(card.contractNumber),
      pan: text(card.pan),
      cardType: text(card.cardType),
      emissionDate: orNull(card.emissionDate),
      expirationDate: orNull(card.expirationDate),
      availableMinor: toMinorOrNull(card.availableBalance, currency),
      // The card record has no currency field: the card's transactions' currency is kept beside it.
      extraJson: extraOf({ ...card, currency }, used),
    };
  });
}

export function normalizeCardTransactions({ connectionId, clientId, bank = "" }: TScope, transactions: TCardTransaction[]) {
  const used = ["_id", "card_id", "entity", "amount", "commission", "currency", "operationDate", "valueDate", "shop", "category"];
  return transactions.map((tx) => {
    const currency = storedCurrency(tx.currency);
    return {
      connectionId,
      clientId,
      flanksId: tx._id,
      cardId: text(tx.card_id),
      entity: text(tx.entity) || bank,
      amountMinor: toMinor(tx.amount, currency),
      commissionMinor: toMinorOrNull(tx.commission, currency),
      currency,
      operationDate: text(tx.operationDate ?? tx.valueDate),
      valueDate: text(tx.valueDate ?? tx.operationDate),
      shop: orNull(tx.shop),
      category: orNull(tx.category),
      extraJson: extraOf(tx, used),
    };
  });
}

export function normalizePortfolios({ connectionId, clientId, bank = "" }: TScope, portfolios: TPortfolio[]) {
  const used = ["_id", "name", "type", "currency", "entity", "balance", "refValores", "refAccount", "owners"];
  return portfolios.map((portfolio) => {
    const currency = storedCurrency(portfolio.currency);
    return {
      connectionId,
      clientId,
      flanksId: portfolio._id,
      name: text(portfolio.name),
      type: orNull(portfolio.type),
      currency,
      entity: text(portfolio.entity) || bank,
      balanceMinor: toMinor(portfolio.balance, currency),
      refValores: orNull(portfolio.refValores),
      refAccount: orNull(portfolio.refAccount),
      ownersJson: JSON.stringify(portfolio.owners),
      extraJson: extraOf(portfolio, used),
    };
  });
}

/** Positions, with the unit price and any extra public detail of investment/detail merged in. */
export function normalizeInvestments({ connectionId, clientId, bank = "" }: TScope, investments: TInvestment[], details: TInvestmentDetail[] = []) {
  const detailById = new Map<string, TInvestmentDetail>();
  for (const detail of details) {
    const key = detail.investment_id ?? detail._id;
    if (key) detailById.set(key, detail);
  }
  const used = [
    "_id",
    "portfolio_id",
    "name",
    "isin",
    "type",
    "sybtype",
    "entity",
    "currency",
    "amount",
    "is_nominal",
    "balance",
    "cost",
    "capital_gain",
    "performance",
    "performance_detail",
    "analytics",
    "cnmv",
    "dgs",
    "interest",
    "country_model",
    "detail",
    "market",
    "operating_market",
    "initial_date",
    "valuation_date",
    "expiration_date",
  ];
  return investments.map((inv) => {
    const currency = storedCurrency(inv.currency);
    const detail = detailById.get(inv._id);
    const price = typeof detail?.price === "number" && Number.isFinite(detail.price) ? plainDecimal(detail.price) : null;
    const { _id: _detailId, investment_id: _investmentId, isin: _isin, name: _name, entity: _entity, ...detailRest } = detail ?? {};
    return {
      connectionId,
      clientId,
      flanksId: inv._id,
      portfolioId: text(inv.portfolio_id),
      name: text(inv.name),
      isin: text(inv.isin),
      type: text(inv.type),
      sybtype: orNull(inv.sybtype),
      entity: text(inv.entity) || bank,
      currency,
      quantity: inv.amount === null || inv.amount === undefined ? "" : plainDecimal(inv.amount),
      isNominal: inv.is_nominal ?? false,
      price,
      balanceMinor: toMinor(inv.balance, currency),
      costMinor: toMinorOrNull(inv.cost, currency),
      capitalGainMinor: toMinorOrNull(inv.capital_gain, currency),
      performance: orNull(inv.performance),
      performanceJson: json(inv.performance_detail ?? (detail?.performance_detail as unknown)),
      analyticsJson: json(inv.analytics ?? (detail?.analytics as unknown)),
      cnmvJson: json(inv.cnmv),
      dgsJson: json(inv.dgs),
      interestJson: json(inv.interest),
      countryModelJson: JSON.stringify(inv.country_model),
      detailJson: json(inv.detail ?? (detail?.detail as unknown)),
      market: orNull(inv.market),
      operatingMarket: orNull(inv.operating_market),
      initialDate: orNull(inv.initial_date),
      valuationDate: orNull(inv.valuation_date),
      expirationDate: orNull(inv.expiration_date),
      extraJson: extraOf({ ...inv, ...(detail ? { investment_detail: detailRest } : {}) }, used),
    };
  });
}

export function normalizeInvestmentTransactions({ connectionId, clientId, bank = "" }: TScope, transactions: TInvestmentTransaction[]) {
  const used = [
    "_id",
    "investment_id",
    "entity",
    "isin",
    "type",
    "description",
    "amount",
    "unitPrice",
    "netCash",
    "commission",
    "currency",
    "symb",
    "operationDate",
    "valueDate",
  ];
  return transactions.map((tx) => {
    const currency = storedCurrency(tx.currency);
    return {
      connectionId,
      clientId,
      flanksId: tx._id,
      investmentId: text(tx.investment_id),
      entity: text(tx.entity) || bank,
      isin: text(tx.isin),
      type: text(tx.type),
      description: text(tx.description),
      amount: plainDecimal(tx.amount),
      amountNum: tx.amount,
      unitPrice: tx.unitPrice === null || tx.unitPrice === undefined ? "" : plainDecimal(tx.unitPrice),
      netCashMinor: toMinor(tx.netCash, currency),
      commissionMinor: toMinorOrNull(tx.commission, currency),
      currency,
      symb: text(tx.symb),
      operationDate: text(tx.operationDate ?? tx.valueDate),
      valueDate: text(tx.valueDate ?? tx.operationDate),
      extraJson: extraOf(tx, used),
    };
  });
}

export function normalizeLiabilities({ connectionId, clientId, bank = "" }: TScope, liabilities: TLiability[]) {
  const used = [
    "_id",
    "name",
    "type",
    "subtype",
    "entity",
    "currency",
    "balance",
    "availableBalance",
    "initialCapital",
    "initialCapitalCurrency",
    "limit",
    "openingDate",
    "expirationDate",
    "periodicity",
    "interest",
    "contractNumber",
  ];
  return liabilities.map((liability) => {
    const currency = storedCurrency(liability.currency);
    const capitalCurrency = liability.initialCapitalCurrency ? storedCurrency(liability.initialCapitalCurrency) : currency;
    return {
      connectionId,
      clientId,
      flanksId: liability._id,
      name: text(liability.name),
      type: text(liability.type),
      subtype: orNull(liability.subtype),
      entity: text(liability.entity) || bank,
      currency,
      balanceMinor: toMinor(liability.balance, currency),
      availableMinor: toMinorOrNull(liability.availableBalance, currency),
      initialCapitalMinor: toMinorOrNull(liability.initialCapital, capitalCurrency),
      initialCapitalCurrency: liability.initialCapital === null || liability.initialCapital === undefined ? null : capitalCurrency,
      limitMinor: toMinorOrNull(liability.limit, currency),
      openingDate: orNull(liability.openingDate),
      expirationDate: orNull(liability.expirationDate),
      periodicity: orNull(liability.periodicity),
      interestJson: json(liability.interest),
      contractNumber: orNull(liability.contractNumber),
      extraJson: extraOf(liability, used),
    };
  });
}

export function normalizeLiabilityTransactions({ connectionId, clientId, bank = "" }: TScope, transactions: TLiabilityTransaction[]) {
  const used = [
    "_id",
    "liability_id",
    "entity",
    "amount",
    "currencyAmount",
    "balance",
    "currencyBalance",
    "interest",
    "commission",
    "description",
    "type",
    "operationDate",
    "valueDate",
  ];
  return transactions.map((tx) => {
    const currency = storedCurrency(tx.currencyAmount);
    const balanceCurrency = storedCurrency(tx.currencyBalance);
    return {
      connectionId,
      clientId,
      flanksId: tx._id,
      liabilityId: text(tx.liability_id),
      entity: text(tx.entity) || bank,
      amountMinor: toMinor(tx.amount, currency),
      currency,
      balanceMinor: toMinor(tx.balance, balanceCurrency),
      balanceCurrency,
      interestMinor: toMinorOrNull(tx.interest, currency),
      commissionMinor: toMinorOrNull(tx.commission, currency),
      description: text(tx.description),
      type: orNull(tx.type),
      operationDate: text(tx.operationDate ?? tx.valueDate),
      valueDate: text(tx.valueDate ?? tx.operationDate),
      extraJson: extraOf(tx, used),
    };
  });
}

export function normalizeMifid({ connectionId, clientId }: TScope, answers: TMifidAnswer[]) {
  return answers.map((answer, position) => ({
    connectionId,
    clientId,
    position,
    questionId: String(answer._id),
    question: text(answer.question),
    answersJson: JSON.stringify(answer.answer),
    extraJson: extraOf(answer, ["_id", "question", "answer"]),
  }));
}
