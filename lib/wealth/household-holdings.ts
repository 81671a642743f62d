/**
 * A household's products, each counted once. Two members of a family often connect the same
 * bank: a joint account (or a joint securities portfolio, or a joint mortgage) then arrives once
 * through each member's credentials, with the same identifiers and its own stored copy. Adding
 * both would count it twice. These functions know only the stored rows: no user, no database.
 */

export type THoldingKind = "account" | "position" | "liability";

/** One stored row (WealthAccount, WealthInvestment or WealthLiability) of one member's connection. */
export type THolding = {
  kind: THoldingKind;
  /** The row's own id: unique across the input. */
  id: string;
  clientId: string;
  connectionId: string;
  /** Flanks' `entity` (the bank id), or the connection's bank when Flanks sent none. */
  entity: string;
  name: string;
  currency: string;
  balanceMinor: bigint;
  /** Investment type code for positions, ACCOUNTS for accounts, the liability's type for liabilities. */
  type: string;
  /** What names the product at its bank: the IBAN or account number, the ISIN, the contract number. */
  reference: string | null;
  /** Positions only: the portfolio's securities account number (`refValores`), else null. */
  portfolio?: string | null;
  /** Flanks' last_update of the connection's stored data (ISO): the freshest copy is the one kept. */
  asOf: string | null;
};

/** A holding counted once: the copy kept, and every member whose connections reach it. */
export type TDedupedHolding = THolding & {
  /** Members whose connections reach the product, in the order first seen. */
  holderClientIds: string[];
  /** Connections through which it arrived; more than one means it was shared and counted once. */
  connectionCount: number;
};

/** An IBAN's shape once spaces are gone: country, two check digits, up to 30 alphanumerics. */
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

/** Upper case without spaces, dashes, dots or slashes: "es91 2100-0418 …" and "ES9121000418…" are one number. */
export function normalizeProductReference(value: string | null | undefined): string {
  return (value ?? "").toUpperCase().replace(/[\s\-./]/g, "");
}

const normalizeEntity = (entity: string): string => entity.trim().toLowerCase();

/**
 * What makes two rows the same product, or null when nothing identifies it across connections
 * (then it is never merged: counting it twice is visible, hiding a real second product is not).
 * - account: an IBAN names its bank itself; another account number only within its entity.
 * - position: the same ISIN in the same portfolio (securities account) at the same entity; the same
 *   ISIN at two banks, or in two portfolios, is two positions.
 * - liability: the same contract number at the same entity.
 */
export function holdingKey(holding: THolding): string | null {
  const reference = normalizeProductReference(holding.reference);
  if (reference === "") return null;
  const entity = normalizeEntity(holding.entity);
  if (holding.kind === "account") return IBAN_SHAPE.test(reference) ? `account|${reference}` : `account|${entity}|${reference}`;
  if (holding.kind === "liability") return `liability|${entity}|${reference}`;
  const portfolio = normalizeProductReference(holding.portfolio);
  if (portfolio === "") return null;
  return `position|${entity}|${portfolio}|${reference}|${holding.currency}`;
}

/**
 * Each product once. Rows with the same key from the same connection are distinct records (two
 * lots of one fund) and all stay; from several connections, the rows of one connection stand for
 * the product: the one whose data is freshest (latest `asOf`, then the smallest connection id, so
 * the choice does not depend on the input order). Every member reaching it is named as a holder.
 */
export function dedupeHouseholdHoldings(holdings: readonly THolding[]): TDedupedHolding[] {
  const groups = new Map<string, THolding[]>();
  const result: TDedupedHolding[] = [];
  for (const holding of holdings) {
    const key = holdingKey(holding);
    if (key === null) {
      result.push({ ...holding, holderClientIds: [holding.clientId], connectionCount: 1 });
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(holding);
    else groups.set(key, [holding]);
  }
  for (const group of groups.values()) {
    const connectionIds = [...new Set(group.map((holding) => holding.connectionId))];
    const kept = connectionIds.reduce((best, candidate) => (isFresher(asOfOf(group, candidate), candidate, asOfOf(group, best), best) ? candidate : best));
    const holderClientIds = [...new Set(group.map((holding) => holding.clientId))];
    for (const holding of group) {
      if (holding.connectionId === kept) result.push({ ...holding, holderClientIds, connectionCount: connectionIds.length });
    }
  }
  return result;
}

function asOfOf(group: readonly THolding[], connectionId: string): string {
  return group.find((holding) => holding.connectionId === connectionId)?.asOf ?? "";
}

function isFresher(asOf: string, connectionId: string, bestAsOf: string, bestConnectionId: string): boolean {
  return asOf === bestAsOf ? connectionId < bestConnectionId : asOf > bestAsOf;
}
