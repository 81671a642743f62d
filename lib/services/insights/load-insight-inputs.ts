import "server-only";
import { getDb } from "@/lib/db";
import { ZFamiliesJsonSchema, type TInvestmentProfile } from "@/lib/insights/investment-profile";
import type { TInsightInputs } from "@/lib/insights/compute-insights";
import { money } from "@/lib/money/money";
import { z } from "zod";

const ZNamesSchema = z.array(z.string()).catch([]);
const ZAnswersSchema = z.array(z.string()).catch([]);

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The stored profile, read leniently: a family missing from the JSON (added later) is not covered. */
export function parseProfile(row: { riskLevel: number; familiesJson: string } | null): TInvestmentProfile | null {
  if (!row) return null;
  return { riskLevel: row.riskLevel, families: ZFamiliesJsonSchema.parse(parseJson(row.familiesJson) ?? {}) };
}

/**
 * What the insights read of the given clients (already authorised by the caller), in one query per
 * table for all of them: the book computes every client's insights at once.
 */
export async function loadInsightInputs(clients: readonly { id: string; displayName: string }[]): Promise<Map<string, TInsightInputs>> {
  const db = getDb();
  const clientIds = clients.map((client) => client.id);
  const where = { clientId: { in: clientIds } };
  const [connections, reauths, identities, accounts, portfolios, investments, mifid, profiles] = await Promise.all([
    db.connection.findMany({
      where,
      select: {
        id: true,
        clientId: true,
        bank: true,
        bankName: true,
        state: true,
        createdAt: true,
        lastUpdate: true,
        wealthSyncState: { select: { dataAsOf: true } },
      },
    }),
    // A completed re-authentication: the end user came back from the Link through a SCA or RESET invitation.
    db.invitation.groupBy({ by: ["connectionId"], where: { ...where, purpose: { in: ["SCA", "RESET"] }, usedAt: { not: null } }, _max: { usedAt: true } }),
    db.wealthIdentity.findMany({ where, select: { clientId: true, fullName: true } }),
    db.wealthAccount.findMany({
      where,
      select: {
        clientId: true,
        entity: true,
        iban: true,
        alias: true,
        balanceMinor: true,
        currency: true,
        ownersJson: true,
        numOwners: true,
        connectionId: true,
      },
    }),
    db.wealthPortfolio.findMany({ where, select: { connectionId: true, flanksId: true, ownersJson: true } }),
    db.wealthInvestment.findMany({
      where,
      select: { clientId: true, entity: true, name: true, isin: true, type: true, balanceMinor: true, currency: true, portfolioId: true, connectionId: true },
    }),
    db.wealthMifidAnswer.findMany({ where, select: { clientId: true, connectionId: true, question: true, answersJson: true }, orderBy: { position: "asc" } }),
    db.investmentProfile.findMany({ where, select: { clientId: true, riskLevel: true, familiesJson: true } }),
  ]);
  const reauthOf = new Map(reauths.map((row) => [row.connectionId, row._max.usedAt]));
  const connectionById = new Map(connections.map((c) => [c.id, c]));
  const bankOf = (connectionId: string) => connectionById.get(connectionId)?.bank ?? "";
  const bankNameOf = (connectionId: string) => {
    const c = connectionById.get(connectionId);
    return c ? (c.bankName ?? c.bank) : "";
  };
  const portfolioOwners = new Map(portfolios.map((p) => [`${p.connectionId}|${p.flanksId}`, ZNamesSchema.parse(parseJson(p.ownersJson))]));
  const result = new Map<string, TInsightInputs>();
  for (const client of clients) {
    result.set(client.id, {
      clientHolder: client.displayName,
      connections: [],
      accounts: [],
      investments: [],
      mifid: [],
      profile: null,
    });
  }
  for (const c of connections) {
    result.get(c.clientId)?.connections.push({
      id: c.id,
      bankId: c.bank,
      bank: c.bankName ?? c.bank,
      state: c.state,
      connectedAt: c.createdAt,
      reauthenticatedAt: reauthOf.get(c.id) ?? null,
      dataAsOf: c.wealthSyncState?.dataAsOf ?? c.lastUpdate,
    });
  }
  // The credentials owner's name, as the banks write the holders, rather than the advisor's label for the client.
  const named = new Set<string>();
  for (const identity of identities) {
    const inputs = result.get(identity.clientId);
    if (!inputs || !identity.fullName || named.has(identity.clientId)) continue;
    inputs.clientHolder = identity.fullName;
    named.add(identity.clientId);
  }
  for (const a of accounts) {
    // An entity Flanks sent as null is stored as "" (decision 038): the account is at its connection's bank.
    result.get(a.clientId)?.accounts.push({
      entity: a.entity || bankOf(a.connectionId),
      iban: a.iban,
      alias: a.alias,
      balance: money(a.balanceMinor, a.currency),
      owners: ZNamesSchema.parse(parseJson(a.ownersJson)),
      numOwners: a.numOwners,
    });
  }
  for (const i of investments) {
    result.get(i.clientId)?.investments.push({
      entity: i.entity || bankOf(i.connectionId),
      name: i.name,
      isin: i.isin,
      type: i.type,
      balance: money(i.balanceMinor, i.currency),
      owners: portfolioOwners.get(`${i.connectionId}|${i.portfolioId}`) ?? [],
    });
  }
  for (const answer of mifid) {
    result
      .get(answer.clientId)
      ?.mifid.push({ bank: bankNameOf(answer.connectionId), question: answer.question, answers: ZAnswersSchema.parse(parseJson(answer.answersJson)) });
  }
  for (const profile of profiles) {
    const inputs = result.get(profile.clientId);
    if (inputs) inputs.profile = parseProfile(profile);
  }
  return result;
}
