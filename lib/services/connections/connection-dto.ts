import type { TConnectionState } from "./connection-state";

/** A connection as the UI sees it: never a token, sealed or not. */
export type TConnectionSummary = {
  id: string;
  clientId: string;
  bank: string;
  /** What people read: the entity's name, or its id until the name is known. */
  bankLabel: string;
  state: TConnectionState;
  stateSince: string;
  pending: boolean;
  lastUpdate: string | null;
  lastUpdateAt: string | null;
  erroredProducts: string[];
  createdProducts: string[];
  statusError: string | null;
  statusCheckedAt: string | null;
  createdAt: string;
};

export const CONNECTION_SUMMARY_SELECT = {
  id: true,
  clientId: true,
  bank: true,
  bankName: true,
  state: true,
  stateSince: true,
  pending: true,
  lastUpdate: true,
  lastUpdateAt: true,
  erroredProducts: true,
  createdProducts: true,
  statusError: true,
  statusCheckedAt: true,
  createdAt: true,
} as const;

type TRow = {
  id: string;
  clientId: string;
  bank: string;
  bankName: string | null;
  state: string;
  stateSince: Date;
  pending: boolean;
  lastUpdate: string | null;
  lastUpdateAt: Date | null;
  erroredProducts: string;
  createdProducts: string;
  statusError: string | null;
  statusCheckedAt: Date | null;
  createdAt: Date;
};

function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export function toConnectionSummary(row: TRow): TConnectionSummary {
  return {
    id: row.id,
    clientId: row.clientId,
    bank: row.bank,
    bankLabel: row.bankName ?? row.bank,
    state: row.state as TConnectionState,
    stateSince: row.stateSince.toISOString(),
    pending: row.pending,
    lastUpdate: row.lastUpdate,
    lastUpdateAt: row.lastUpdateAt?.toISOString() ?? null,
    erroredProducts: parseList(row.erroredProducts),
    createdProducts: parseList(row.createdProducts),
    statusError: row.statusError,
    statusCheckedAt: row.statusCheckedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Products counted for the extraction progress: 8 products and 5 kinds of transactions. */
export const EXTRACTION_PRODUCT_COUNT = 13;
