import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/authorization";
import { findAccessibleClient } from "@/lib/services/clients/get-client";
import { loadClientConnectionRows } from "@/lib/connections/client-connection-rows";
import { parseList } from "@/lib/connections/connection-dto";
import { parseProductStates, type TProductStates } from "@/lib/sync/products";

export type TWealthConnection = {
  id: string;
  /** The bank's display name (Connection.bankName, from bank/available), else its entity id. */
  bank: string;
  bankId: string;
  state: string;
  pending: boolean;
  /** Flanks' last_update of the stored data (else of the connection's last status), as sent. */
  dataAsOf: string | null;
  dataAsOfAt: Date | null;
  lastSyncedAt: Date | null;
  products: TProductStates;
  createdProducts: string[];
};

export type TWealthContext = {
  clientId: string;
  connections: TWealthConnection[];
  /** At least one connection has been synced: the pages have data to show. */
  hasData: boolean;
  /**
   * Changes whenever the client's stored wealth data can have changed: every sync writes its rows and
   * its WealthSyncState (a new lastSyncRunId) in one transaction, and removing a connection removes both.
   */
  dataVersion: string;
};

/** The one access check of every wealth read: an unknown, malformed or someone else's client is NOT_FOUND. */
export async function assertWealthAccess(actor: TActor, clientId: unknown): Promise<string> {
  return (await findAccessibleClient(actor, clientId)).id;
}

/** Once per request (React `cache`): a tab showing two lists (accounts and their transactions) asks twice. */
export const getWealthContext = cache(async (actor: TActor, clientIdInput: unknown): Promise<TWealthContext> => {
  const clientId = await assertWealthAccess(actor, clientIdInput);
  const rows = await loadClientConnectionRows(clientId);
  const connections = rows.map((row) => ({
    id: row.id,
    bank: row.bankName ?? row.bank,
    bankId: row.bank,
    state: row.state,
    pending: row.pending,
    dataAsOf: row.wealthSyncState?.dataAsOf ?? row.lastUpdate,
    dataAsOfAt: row.wealthSyncState?.dataAsOfAt ?? row.lastUpdateAt,
    lastSyncedAt: row.wealthSyncState?.lastSyncedAt ?? null,
    products: parseProductStates(row.wealthSyncState?.productsJson),
    createdProducts: parseList(row.createdProducts),
  }));
  const dataVersion = rows.map((row) => `${row.id}:${row.wealthSyncState?.lastSyncRunId ?? ""}`).join(",");
  return { clientId, connections, hasData: connections.some((c) => c.lastSyncedAt !== null), dataVersion };
});

/**
 * The display name of a product's Flanks `entity` (the bank id, e.g. "testbank"): the name of the
 * client's connection to that bank, else the id itself.
 */
export function bankNamer(context: TWealthContext): (entity: string) => string {
  const names = new Map(context.connections.map((c) => [c.bankId, c.bank]));
  return (entity) => names.get(entity) ?? entity;
}
