import "server-only";
import type { TReadConnection } from "@/lib/db/read-connection";

/*
 * The sums a book adds up, read set-based on the read connection (lib/db/read-connection.ts) as three
 * prepared statements. They were Prisma groupBys by client, connection, entity, type and currency:
 * about one group per position (~9 000 for the benchmark's big advisor), each compiled by Prisma and
 * mapped to an object, then converted again on every view. The book needs far fewer: sums per client
 * and currency (its totals, movers and the amounts without a rate), and per type, bank and currency
 * (its two allocations). Every statement scopes the rows by their clientId through the actor's
 * scope, computed by getBook before it reads (a client's rows carry its id; the client list reads so too).
 */

// One text per scope, each prepared once: an `advisorId = ? OR ? IS NULL` would keep SQLite off the client index.
const SCOPE = `WITH "scope" AS (SELECT "id" FROM "Client" WHERE "archived" = false AND "advisorId" = ?)`;
const FIRM_SCOPE = `WITH "scope" AS (SELECT "id" FROM "Client" WHERE "archived" = false)`;
const IN_SCOPE = `"clientId" IN (SELECT "id" FROM "scope")`;

// Exact sums of integer minor units (PostgreSQL's sum of bigint is numeric: cast back, a total past int8 fails loudly, not rounds).
const SUM = (column: string) => `CAST(sum(${column}) AS BIGINT)`;

/** Assets (accounts + positions) and liabilities per client and currency: positions from their covering index (clientId, currency, balanceMinor). */
const CLIENT_SUMS_SQL = `
  SELECT w."clientId", w."currency", w."side", ${SUM(`w."balanceMinor"`)} AS "minor" FROM (
    SELECT "clientId", "currency", 'assets' AS "side", "balanceMinor" FROM "WealthAccount" WHERE ${IN_SCOPE}
    UNION ALL SELECT "clientId", "currency", 'assets', "balanceMinor" FROM "WealthInvestment" WHERE ${IN_SCOPE}
    UNION ALL SELECT "clientId", "currency", 'liabilities', "balanceMinor" FROM "WealthLiability" WHERE ${IN_SCOPE}
  ) AS w
  GROUP BY w."clientId", w."currency", w."side"
  ORDER BY w."clientId", w."currency", w."side"`;

/**
 * Assets per type, bank and currency: a few hundred groups at most. An entity Flanks sent as null is
 * stored as "" (decision 038) and counts under its connection's bank: those rows keep their connection.
 */
const SLICES_SQL = `
  SELECT w."kind", w."type", w."entity", w."connectionId", w."currency", ${SUM(`w."balanceMinor"`)} AS "minor" FROM (
    SELECT 'account' AS "kind", '' AS "type", "entity", CASE WHEN "entity" = '' THEN "connectionId" END AS "connectionId", "currency", "balanceMinor"
      FROM "WealthAccount" WHERE ${IN_SCOPE}
    UNION ALL SELECT 'position', "type", "entity", CASE WHEN "entity" = '' THEN "connectionId" END, "currency", "balanceMinor"
      FROM "WealthInvestment" WHERE ${IN_SCOPE}
  ) AS w
  GROUP BY w."kind", w."type", w."entity", w."connectionId", w."currency"
  ORDER BY w."kind", w."type", w."entity", w."connectionId", w."currency"`;

/**
 * Net wealth per client and currency on a day: each connection with its latest snapshot on or before
 * it, within the window. The latest day is one index seek per connection (connectionId, day, currency)
 * instead of grouping every snapshot of the window.
 */
const SNAPSHOT_SUMS_SQL = `
  SELECT s."clientId", s."currency", ${SUM(`s."assetsMinor" - s."liabilitiesMinor"`)} AS "minor" FROM (
    SELECT c."id", (SELECT max(x."day") FROM "WealthSnapshot" x WHERE x."connectionId" = c."id" AND x."day" >= ? AND x."day" <= ?) AS "day"
    FROM "Connection" c WHERE c.${IN_SCOPE}
  ) AS latest
  JOIN "WealthSnapshot" s ON s."connectionId" = latest."id" AND s."day" = latest."day"
  GROUP BY s."clientId", s."currency"
  ORDER BY s."clientId", s."currency"`;

export type TClientSum = { clientId: string; currency: string; side: "assets" | "liabilities"; minor: bigint };
/** `connectionId` only where the entity is "" (then the connection's bank is the bank). */
export type TSliceSum = { kind: "account" | "position"; type: string; entity: string; connectionId: string | null; currency: string; minor: bigint };
export type TSnapshotSum = { clientId: string; currency: string; minor: bigint };

export type TBookRows = { clientSums: TClientSum[]; slices: TSliceSum[]; snapshotSums: TSnapshotSum[] };

const ADVISOR_SQL = { clientSums: SCOPE + CLIENT_SUMS_SQL, slices: SCOPE + SLICES_SQL, snapshotSums: SCOPE + SNAPSHOT_SUMS_SQL };
const FIRM_SQL = { clientSums: FIRM_SCOPE + CLIENT_SUMS_SQL, slices: FIRM_SCOPE + SLICES_SQL, snapshotSums: FIRM_SCOPE + SNAPSHOT_SUMS_SQL };

/** `advisorId` null: the whole firm. Unarchived clients only. */
export async function readBookRows(db: TReadConnection, advisorId: string | null, snapshotWindow: { from: string; to: string }): Promise<TBookRows> {
  const [sql, scope] = advisorId === null ? [FIRM_SQL, []] : [ADVISOR_SQL, [advisorId]];
  const [clientSums, slices, snapshotSums] = await Promise.all([
    db.all<TClientSum>(sql.clientSums, scope, { bigints: true }),
    db.all<TSliceSum>(sql.slices, scope, { bigints: true }),
    db.all<TSnapshotSum>(sql.snapshotSums, [...scope, snapshotWindow.from, snapshotWindow.to], { bigints: true }),
  ]);
  return { clientSums, slices, snapshotSums };
}
