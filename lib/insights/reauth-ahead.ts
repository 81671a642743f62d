import type { TReauthAheadInsight } from "./types";

/**
 * Commission Delegated Regulation (EU) 2022/2360 (amending RTS 2018/389, art. 10a): an account
 * information service may read without strong customer authentication for 180 days after the last one.
 */
export const SCA_INTERVAL_DAYS = 180;

/** How far ahead an expected re-authentication is listed in the inbox. */
export const REAUTH_NOTICE_DAYS = 14;

/**
 * Banks known to ask sooner than 180 days (Flanks entity id → days). Only what has been seen goes
 * here: the sandbox's Banco Atlántico Sur asks at every refresh (alwaysManualRefresh) and is left out,
 * since no interval describes it; Caja Rural del Tajo stands for a bank that keeps the older 90 days.
 * Decision 054.
 */
export const BANK_SCA_INTERVAL_DAYS: Readonly<Record<string, number>> = { "caja-rural-tajo": 90 };

/** Connection states in which re-authentication is already asked for: the inbox lists them as problems. */
const ALREADY_ASKED = new Set(["NEEDS_SCA", "BLOCKED"]);

export type TReauthConnection = {
  id: string;
  bankId: string;
  bank: string;
  state: string;
  /** When the connection was made through the Link (the end user passed SCA then). */
  connectedAt: Date;
  /** When the end user last completed a re-authentication invitation (SCA or RESET) for it, if ever. */
  reauthenticatedAt: Date | null;
  dataAsOf: string | null;
};

const DAY_MS = 86_400_000;

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Each connection's expected next SCA: the last one we know of (the latest completed re-authentication
 * invitation, else the day it was connected) plus the bank's interval. Listed, as needing action, from
 * REAUTH_NOTICE_DAYS before that day on (exactly 14 days ahead is listed), overdue ones included;
 * connections already asking for SCA or blocked are left to the inbox's problems.
 */
export function reauthAheadInsights(connections: readonly TReauthConnection[], today: string): TReauthAheadInsight[] {
  const insights: TReauthAheadInsight[] = [];
  for (const connection of connections) {
    if (ALREADY_ASKED.has(connection.state)) continue;
    const isReauth = connection.reauthenticatedAt !== null && connection.reauthenticatedAt > connection.connectedAt;
    const lastSca = dayOf(isReauth ? connection.reauthenticatedAt! : connection.connectedAt);
    const bankInterval = BANK_SCA_INTERVAL_DAYS[connection.bankId];
    const intervalDays = bankInterval ?? SCA_INTERVAL_DAYS;
    const dueDay = dayOf(new Date(Date.parse(`${lastSca}T00:00:00Z`) + intervalDays * DAY_MS));
    const daysLeft = daysBetween(today, dueDay);
    if (daysLeft > REAUTH_NOTICE_DAYS) continue;
    insights.push({
      id: `reauthAhead:${connection.id}`,
      kind: "reauthAhead",
      needsAction: true,
      source: { data: ["connections"], banks: [connection.bank], asOf: connection.dataAsOf, ratesDay: null },
      figures: {
        connectionId: connection.id,
        bank: connection.bank,
        lastSca,
        lastScaBasis: isReauth ? "reauthenticated" : "connected",
        intervalDays,
        isBankSpecific: bankInterval !== undefined,
        dueDay,
        daysLeft,
      },
    });
  }
  return insights.sort((a, b) => a.figures.daysLeft - b.figures.daysLeft);
}
