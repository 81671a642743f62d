import "server-only";
import { assertClientAccess, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { ZClientIdSchema } from "@/lib/services/clients/client-schemas";
import { parseProductStates, type TProductStates } from "@/lib/sync/products";

export type TWealthConnection = {
  id: string;
  bank: string;
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
};

/** The one access check of every wealth read: an unknown, malformed or someone else's client is NOT_FOUND. */
export async function assertWealthAccess(actor: TActor, clientId: unknown): Promise<string> {
  const parsed = ZClientIdSchema.safeParse({ clientId });
  if (!parsed.success) throw new AppError("NOT_FOUND", "Client not found");
  const client = await getDb().client.findUnique({ where: { id: parsed.data.clientId }, select: { id: true, advisorId: true } });
  return assertClientAccess(actor, client).id;
}

function parseList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export async function getWealthContext(actor: TActor, clientIdInput: unknown): Promise<TWealthContext> {
  const clientId = await assertWealthAccess(actor, clientIdInput);
  const rows = await getDb().connection.findMany({
    where: { clientId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, bank: true, state: true, pending: true, lastUpdate: true, lastUpdateAt: true, createdProducts: true,
      wealthSyncState: { select: { lastSyncedAt: true, dataAsOf: true, dataAsOfAt: true, productsJson: true } },
    },
  });
  const connections = rows.map((row) => ({
    id: row.id,
    bank: row.bank,
    state: row.state,
    pending: row.pending,
    dataAsOf: row.wealthSyncState?.dataAsOf ?? row.lastUpdate,
    dataAsOfAt: row.wealthSyncState?.dataAsOfAt ?? row.lastUpdateAt,
    lastSyncedAt: row.wealthSyncState?.lastSyncedAt ?? null,
    products: parseProductStates(row.wealthSyncState?.productsJson),
    createdProducts: parseList(row.createdProducts),
  }));
  return { clientId, connections, hasData: connections.some((c) => c.lastSyncedAt !== null) };
}
