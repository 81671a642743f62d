import "server-only";
import { toDate, type TReadConnection } from "@/lib/db/read-connection";
import { money, type TMoney } from "@/lib/money/money";
import { ACTION_STATES } from "@/lib/services/connections/list-action-inbox";

export type TClientWealthTotal = { currency: string; assets: TMoney; liabilities: TMoney; net: TMoney };
export type TClientListFigures = {
  /** Stored wealth per currency, sorted by currency (never summed across currencies). */
  wealth: Map<string, TClientWealthTotal[]>;
  /** Clients with a connection in a state that needs the advisor (ACTION_STATES). */
  needsAction: Set<string>;
  /** The newest Flanks `last_update` among the client's synced connections, else its newest sync. */
  dataAsOf: Map<string, Date>;
};

/*
 * The figures beside each row of the client list, in three prepared statements on the read
 * connection (lib/db/read-connection.ts) instead of six Prisma queries: the list is the page
 * advisors open most. The ids are passed as one parameter (a JSON array on SQLite, a text[] on
 * PostgreSQL), so each statement is prepared once whatever the page size. Every statement joins
 * Client on the actor's scope itself: an id of another advisor's client contributes nothing.
 */
const SCOPED_IDS = {
  sqlite: `SELECT c."id" FROM "Client" c WHERE c."id" IN (SELECT value FROM json_each(:ids)) AND (:advisorId IS NULL OR c."advisorId" = :advisorId)`,
  postgres: `SELECT c."id" FROM "Client" c WHERE c."id" = ANY($1::text[]) AND ($2::text IS NULL OR c."advisorId" = $2::text)`,
};

type TDialectSql = { sqlite: string; postgres: string };
const bothDialects = (make: (scopedIds: string) => string): TDialectSql => ({ sqlite: make(SCOPED_IDS.sqlite), postgres: make(SCOPED_IDS.postgres) });

// assets = accounts + positions, liabilities = outstanding balances; exact sums of integer minor units
// (PostgreSQL's sum of bigint is numeric: cast back, a total past int8 would fail loudly, not round).
/** Exported for the query-plan test. */
export const WEALTH_SQL = bothDialects(
  (scopedIds) => `
  SELECT w."clientId", w."currency", w."side", CAST(sum(w."balanceMinor") AS BIGINT) AS "minor" FROM (
    SELECT "clientId", "currency", 'assets' AS "side", "balanceMinor" FROM "WealthAccount" WHERE "clientId" IN (${scopedIds})
    UNION ALL SELECT "clientId", "currency", 'assets', "balanceMinor" FROM "WealthInvestment" WHERE "clientId" IN (${scopedIds})
    UNION ALL SELECT "clientId", "currency", 'liabilities', "balanceMinor" FROM "WealthLiability" WHERE "clientId" IN (${scopedIds})
  ) AS w
  GROUP BY w."clientId", w."currency", w."side"`,
);

const NEEDS_ACTION_SQL = bothDialects(
  (scopedIds) => `
  SELECT DISTINCT "clientId" FROM "Connection"
  WHERE "clientId" IN (${scopedIds}) AND "state" IN (${ACTION_STATES.map((state) => `'${state}'`).join(", ")})`,
);

const DATA_AS_OF_SQL = bothDialects(
  (scopedIds) => `
  SELECT "clientId", coalesce(max("dataAsOfAt"), max("lastSyncedAt")) AS "asOf" FROM "WealthSyncState"
  WHERE "clientId" IN (${scopedIds})
  GROUP BY "clientId"`,
);

export async function readClientListFigures(db: TReadConnection, advisorId: string | null, clientIds: readonly string[]): Promise<TClientListFigures> {
  const params = db.dialect === "postgres" ? [clientIds, advisorId] : { ids: JSON.stringify(clientIds), advisorId };
  // Sums as BigInt: a total in minor units may pass 2^53.
  const [wealthRows, needsActionRows, asOfRows] = await Promise.all([
    db.all<{ clientId: string; currency: string; side: "assets" | "liabilities"; minor: bigint | null }>(WEALTH_SQL, params, { bigints: true }),
    db.all<{ clientId: string }>(NEEDS_ACTION_SQL, params),
    db.all<{ clientId: string; asOf: string | number | Date | null }>(DATA_AS_OF_SQL, params),
  ]);
  const sums = new Map<string, Map<string, { assets: bigint; liabilities: bigint }>>();
  for (const row of wealthRows) {
    const byCurrency = sums.get(row.clientId) ?? new Map<string, { assets: bigint; liabilities: bigint }>();
    const entry = byCurrency.get(row.currency) ?? { assets: 0n, liabilities: 0n };
    entry[row.side] += row.minor ?? 0n;
    byCurrency.set(row.currency, entry);
    sums.set(row.clientId, byCurrency);
  }
  const wealth = new Map(
    [...sums].map(([clientId, byCurrency]) => [
      clientId,
      [...byCurrency]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, t]) => ({
          currency,
          assets: money(t.assets, currency),
          liabilities: money(t.liabilities, currency),
          net: money(t.assets - t.liabilities, currency),
        })),
    ]),
  );
  const needsAction = new Set(needsActionRows.map((row) => row.clientId));
  const dataAsOf = new Map(asOfRows.flatMap((row) => (row.asOf === null ? [] : [[row.clientId, toDate(row.asOf)] as const])));
  return { wealth, needsAction, dataAsOf };
}
