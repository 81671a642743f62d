// Fresh statistics and visibility after a big write on PostgreSQL (lib/sync/sync-writer.ts).
import type pg from "pg";
import { logError } from "@/lib/log/log-error";
import type { TSyncTable } from "./bulk-write";

/**
 * When to try again after a vacuum that left part of a table not visible to all: a transaction older than the write
 * was still running (another connection's sync, typically), so the new rows could not be marked yet.
 */
export const VISIBILITY_RETRY_DELAYS_MS: readonly number[] = [15_000, 60_000, 300_000];

/** Below this share of pages marked all-visible, the vacuum is tried again. */
const VISIBLE_ENOUGH = 0.95;

const quoted = (table: string) => `"${table.replaceAll('"', '""')}"`;

async function vacuum(client: pg.ClientBase, table: TSyncTable): Promise<boolean> {
  await client.query(`VACUUM (ANALYZE) ${quoted(table)}`);
  const { rows } = await client.query<{ pages: number; visible: number }>(
    `SELECT relpages::float8 AS pages, relallvisible::float8 AS visible FROM pg_class WHERE oid = $1::regclass`,
    [quoted(table)],
  );
  const row = rows[0];
  return !row || row.visible >= row.pages * VISIBLE_ENOUGH;
}

/**
 * VACUUM (ANALYZE) of each table, outside the write's transaction (VACUUM cannot run in one). The statistics let the
 * ledgers' plans see the new rows; the visibility map lets their counts read an index alone. Where the vacuum could not
 * mark the rows visible to all, it is tried again after each delay until it can: with the map a third unset, a count of
 * the benchmark's 104 500 rows fetched 100 000 of them from the table (344 ms against 45 ms), and autovacuum would not
 * come back before tens of thousands more inserts. Best effort throughout: the data is committed already.
 */
export async function refreshStatistics(
  client: pg.ClientBase,
  pool: pg.Pool,
  tables: readonly TSyncTable[],
  retryDelaysMs: readonly number[] = VISIBILITY_RETRY_DELAYS_MS,
): Promise<void> {
  const unfinished: TSyncTable[] = [];
  for (const table of tables) {
    const done = await vacuum(client, table).catch((error: unknown) => (logError(`statistics of ${table}`, error), true));
    if (!done) unfinished.push(table);
  }
  if (unfinished.length) retryLater(pool, unfinished, retryDelaysMs);
}

function retryLater(pool: pg.Pool, tables: readonly TSyncTable[], [delay, ...later]: readonly number[]): void {
  if (delay === undefined) return;
  const timer = setTimeout(() => {
    // The pool is gone once the writer closed (shutdown): nothing left to do then.
    void pool.connect().then(
      (client) => refreshStatistics(client, pool, tables, later).finally(() => client.release()),
      () => undefined,
    );
  }, delay);
  // A pending retry never keeps a process alive (scripts, tests, a stopping server).
  timer.unref();
}
