import "server-only";
import type { TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { money, type TMoney } from "@/lib/money/money";
import { bankNamer, getWealthContext, type TWealthContext } from "./wealth-context";

// The small lists of a client's products: accounts, cards, liabilities, MiFID, identity and holders.

const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export type THolderView = { name: string; rel: string };

/** Holders of each product, keyed "connectionId|productId" (holder.product_id is the product's _id). */
export async function holdersByProduct(clientId: string): Promise<Map<string, THolderView[]>> {
  const rows = await getDb().wealthHolder.findMany({ where: { clientId }, orderBy: [{ productId: "asc" }, { id: "asc" }] });
  const map = new Map<string, THolderView[]>();
  for (const row of rows) {
    const key = `${row.connectionId}|${row.productId}`;
    map.set(key, [...(map.get(key) ?? []), { name: row.name, rel: row.rel }]);
  }
  return map;
}

export type TAccountView = {
  id: string;
  iban: string;
  alias: string;
  description: string | null;
  bank: string;
  balance: TMoney;
  numOwners: number;
  holders: THolderView[];
};

export async function listAccounts(actor: TActor, clientId: unknown): Promise<{ context: TWealthContext; accounts: TAccountView[] }> {
  const context = await getWealthContext(actor, clientId);
  const bankName = bankNamer(context);
  const [rows, holders] = await Promise.all([
    getDb().wealthAccount.findMany({ where: { clientId: context.clientId }, orderBy: [{ entity: "asc" }, { iban: "asc" }] }),
    holdersByProduct(context.clientId),
  ]);
  return {
    context,
    accounts: rows.map((row) => ({
      id: row.id,
      iban: row.iban,
      alias: row.alias,
      description: row.description,
      bank: bankName(row.entity),
      balance: money(row.balanceMinor, row.currency),
      numOwners: row.numOwners,
      holders: holders.get(`${row.connectionId}|${row.flanksId}`) ?? [],
    })),
  };
}

export type TCardView = {
  id: string;
  flanksId: string;
  pan: string;
  product: string | null;
  cardType: string;
  bank: string;
  emissionDate: string | null;
  expirationDate: string | null;
  available: TMoney | null;
  /** The card's own currency where the bank gives one, else its transactions' (kept in extraJson at sync). */
  currency: string | null;
  holders: THolderView[];
};

export async function listCards(actor: TActor, clientId: unknown): Promise<{ context: TWealthContext; cards: TCardView[] }> {
  const context = await getWealthContext(actor, clientId);
  const bankName = bankNamer(context);
  const [rows, holders] = await Promise.all([
    getDb().wealthCard.findMany({ where: { clientId: context.clientId }, orderBy: [{ entity: "asc" }, { pan: "asc" }] }),
    holdersByProduct(context.clientId),
  ]);
  return {
    context,
    cards: rows.map((row) => {
      const stored = parse<{ currency?: unknown }>(row.extraJson, {}).currency;
      const currency = typeof stored === "string" && /^[A-Z]{3}$/.test(stored) ? stored : null;
      return {
        id: row.id,
        flanksId: row.flanksId,
        pan: row.pan,
        product: row.product,
        cardType: row.cardType,
        bank: bankName(row.entity),
        emissionDate: row.emissionDate,
        expirationDate: row.expirationDate,
        available: row.availableMinor === null ? null : money(row.availableMinor, currency ?? "EUR"),
        currency,
        holders: holders.get(`${row.connectionId}|${row.flanksId}`) ?? [],
      };
    }),
  };
}

export type TLiabilityView = {
  id: string;
  flanksId: string;
  name: string;
  type: string;
  subtype: string | null;
  bank: string;
  outstanding: TMoney;
  available: TMoney | null;
  initialCapital: TMoney | null;
  limit: TMoney | null;
  rate: number | null;
  rateType: string | null;
  benchmark: string | null;
  spread: string | null;
  openingDate: string | null;
  expirationDate: string | null;
  periodicity: string | null;
  contractNumber: string | null;
  holders: THolderView[];
};

export async function listLiabilities(actor: TActor, clientId: unknown): Promise<{ context: TWealthContext; liabilities: TLiabilityView[] }> {
  const context = await getWealthContext(actor, clientId);
  const bankName = bankNamer(context);
  const [rows, holders] = await Promise.all([
    getDb().wealthLiability.findMany({ where: { clientId: context.clientId }, orderBy: [{ type: "asc" }, { name: "asc" }] }),
    holdersByProduct(context.clientId),
  ]);
  return {
    context,
    liabilities: rows.map((row) => {
      const interest = parse<{ rate?: unknown; type?: unknown; benchmark?: unknown; spread?: unknown } | null>(row.interestJson, null);
      return {
        id: row.id,
        flanksId: row.flanksId,
        name: row.name,
        type: row.type,
        subtype: row.subtype,
        bank: bankName(row.entity),
        outstanding: money(row.balanceMinor, row.currency),
        available: row.availableMinor === null ? null : money(row.availableMinor, row.currency),
        initialCapital: row.initialCapitalMinor === null ? null : money(row.initialCapitalMinor, row.initialCapitalCurrency ?? row.currency),
        limit: row.limitMinor === null ? null : money(row.limitMinor, row.currency),
        rate: typeof interest?.rate === "number" ? interest.rate : null,
        rateType: typeof interest?.type === "string" ? interest.type : null,
        benchmark: typeof interest?.benchmark === "string" ? interest.benchmark : null,
        spread: typeof interest?.spread === "string" || typeof interest?.spread === "number" ? String(interest.spread) : null,
        openingDate: row.openingDate,
        expirationDate: row.expirationDate,
        periodicity: row.periodicity,
        contractNumber: row.contractNumber,
        holders: holders.get(`${row.connectionId}|${row.flanksId}`) ?? [],
      };
    }),
  };
}

export type TMifidView = {
  connectionId: string;
  bank: string;
  dataAsOf: string | null;
  syncedAt: string | null;
  answers: { id: string; question: string; answers: string[] }[];
};

export async function listMifid(actor: TActor, clientId: unknown): Promise<{ context: TWealthContext; entities: TMifidView[] }> {
  const context = await getWealthContext(actor, clientId);
  const rows = await getDb().wealthMifidAnswer.findMany({ where: { clientId: context.clientId }, orderBy: [{ connectionId: "asc" }, { position: "asc" }] });
  const entities = context.connections
    .filter((connection) => connection.lastSyncedAt)
    .map((connection) => ({
      connectionId: connection.id,
      bank: connection.bank,
      dataAsOf: connection.dataAsOf,
      syncedAt: connection.products.mifid?.syncedAt ?? null,
      answers: rows
        .filter((row) => row.connectionId === connection.id)
        .map((row) => ({ id: row.questionId, question: row.question, answers: parse<string[]>(row.answersJson, []) })),
    }));
  return { context, entities };
}

export type TIdentityView = {
  connectionId: string;
  bank: string;
  fullName: string | null;
  name: string | null;
  surname1: string | null;
  surname2: string | null;
  birthDate: string | null;
  identityDocument: string | null;
  gender: string | null;
  occupation: string | null;
  sector: string | null;
  address: Record<string, string | null> | null;
  contactInfo: { type: string; value: string }[];
};

export type THolderGroup = { productId: string; productName: string; bank: string; holders: THolderView[] };

export async function getIdentityAndHolders(
  actor: TActor,
  clientId: unknown,
): Promise<{ context: TWealthContext; identities: TIdentityView[]; products: THolderGroup[] }> {
  const context = await getWealthContext(actor, clientId);
  const db = getDb();
  const [identities, holders] = await Promise.all([
    db.wealthIdentity.findMany({ where: { clientId: context.clientId } }),
    db.wealthHolder.findMany({ where: { clientId: context.clientId }, orderBy: [{ productName: "asc" }, { id: "asc" }] }),
  ]);
  const bankOf = new Map(context.connections.map((c) => [c.id, c.bank]));
  const groups = new Map<string, THolderGroup>();
  for (const row of holders) {
    const key = `${row.connectionId}|${row.productId}`;
    const group = groups.get(key) ?? { productId: row.productId, productName: row.productName, bank: bankOf.get(row.connectionId) ?? "", holders: [] };
    group.holders.push({ name: row.name, rel: row.rel });
    groups.set(key, group);
  }
  return {
    context,
    identities: identities.map((row) => ({
      connectionId: row.connectionId,
      bank: bankOf.get(row.connectionId) ?? "",
      fullName: row.fullName,
      name: row.name,
      surname1: row.surname1,
      surname2: row.surname2,
      birthDate: row.birthDate,
      identityDocument: row.identityDocument,
      gender: row.gender,
      occupation: row.occupation,
      sector: row.sector,
      address: parse<Record<string, string | null> | null>(row.addressJson, null),
      contactInfo: parse<{ type: string; value: string }[]>(row.contactInfoJson, []),
    })),
    products: [...groups.values()],
  };
}
