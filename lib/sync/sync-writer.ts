// The sync's write connection on either database: one interface, two sides. See
// docs/decisions/021-sync-write-path-and-wal.md (SQLite) and 048-postgres-raw-sql-and-search.md.
import type pg from "pg";
import { createWriteConnection, type TWriteConnection } from "@/lib/db/create-write-connection";
import { createPostgresPool } from "@/lib/db/postgres-pool";
import { isPostgresUrl, type TSqlDialect } from "@/lib/db/sql-dialect";
import {
  createRowIds,
  deleteWhere,
  insertRows,
  inWriteTransaction,
  replaceRows,
  selectOfConnection,
  upsertRow,
  type TReplaceResult,
  type TSyncRowOf,
  type TSyncTable,
} from "./bulk-write";
import * as postgres from "./bulk-write-postgres";
import { refreshStatistics } from "./postgres-statistics";

/**
 * One step of a write: a generator that yields the database's promises (PostgreSQL) or none at all
 * (SQLite), and returns the step's result. The work of a transaction is written once, as a
 * generator that `yield*`s its steps: on SQLite it then runs to its end synchronously inside one
 * IMMEDIATE transaction (no other JavaScript of the process can run in between, decision 021),
 * on PostgreSQL each yielded query is awaited on the transaction's own pooled client.
 */
export type TWriteStep<R> = Generator<Promise<unknown>, R, unknown>;

export type TSyncWriteTx = {
  /** Makes the rows of one connection in `table` exactly `rows`, keeping equal stored rows with their ids. */
  replaceRows<T extends TSyncTable>(table: T, connectionId: string, rows: readonly TSyncRowOf[T][]): TWriteStep<TReplaceResult>;
  insertRows<T extends TSyncTable>(table: T, rows: readonly TSyncRowOf[T][]): TWriteStep<number>;
  /** INSERT, or UPDATE every given column when a row with the same `key` exists. */
  upsertRow<T extends TSyncTable>(table: T, key: keyof TSyncRowOf[T] & string, row: TSyncRowOf[T]): TWriteStep<void>;
  /** Rows of one connection (integer columns as BigInt). */
  selectOfConnection<R>(table: TSyncTable, columns: readonly (keyof R & string)[], connectionId: string): TWriteStep<R[]>;
  deleteWhere(table: TSyncTable, where: Record<string, string>): TWriteStep<void>;
};

export type TSyncWriter = {
  readonly dialect: TSqlDialect;
  /** Runs `work` in one transaction: its writes are seen whole or not at all; a failure rolls all of them back. */
  inTransaction<T>(work: (tx: TSyncWriteTx) => TWriteStep<T>): Promise<T>;
  close(): Promise<void>;
};

export function createSyncWriter(databaseUrl: string): TSyncWriter {
  return isPostgresUrl(databaseUrl) ? postgresSyncWriter(createPostgresPool(databaseUrl, 4)) : sqliteSyncWriter(createWriteConnection(databaseUrl));
}

/** Drives a step that must not wait: SQLite's steps are synchronous calls. */
function runSynchronously<T>(step: TWriteStep<T>): T {
  const next = step.next();
  if (!next.done) throw new Error("a SQLite write step waited: its transaction would no longer be synchronous");
  return next.value;
}

export function sqliteSyncWriter(db: TWriteConnection): TSyncWriter {
  return {
    dialect: "sqlite",
    inTransaction<T>(work: (tx: TSyncWriteTx) => TWriteStep<T>) {
      return inWriteTransaction(db, () => {
        const newId = createRowIds();
        const tx: TSyncWriteTx = {
          *replaceRows(table, connectionId, rows) {
            return replaceRows(db, table, connectionId, rows, newId);
          },
          *insertRows(table, rows) {
            return insertRows(db, table, rows, newId);
          },
          *upsertRow(table, key, row) {
            upsertRow(db, table, key, row);
          },
          *selectOfConnection(table, columns, connectionId) {
            return selectOfConnection(db, table, columns, connectionId);
          },
          *deleteWhere(table, where) {
            deleteWhere(db, table, where);
          },
        };
        return runSynchronously(work(tx));
      });
    },
    async close() {
      db.close();
    },
  };
}

/** Awaits each promise the step yields, handing back its value (or its error) until the step returns. */
async function runAwaiting<T>(step: TWriteStep<T>): Promise<T> {
  let next = step.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (error) {
      next = step.throw(error);
      continue;
    }
    next = step.next(value);
  }
  return next.value;
}

/**
 * Rows a transaction must have inserted or deleted in a table before the writer refreshes the table's statistics. After a
 * first sync of 100 000 transactions PostgreSQL still planned the ledger's search as for an empty table (2.4 s a page;
 * 83 ms once analyzed, 52 ms once vacuumed too, which also lets the page's count read the index alone). Autovacuum
 * would get there within minutes; the advisor opens the ledger right after the first sync.
 */
export const REFRESH_STATISTICS_AFTER_ROWS = 1_000;

export function postgresSyncWriter(pool: pg.Pool, options: { visibilityRetryDelaysMs?: readonly number[] } = {}): TSyncWriter {
  return {
    dialect: "postgres",
    async inTransaction<T>(work: (tx: TSyncWriteTx) => TWriteStep<T>) {
      const client = await pool.connect();
      const newId = createRowIds();
      const changedRows = new Map<TSyncTable, number>();
      const changed = (table: TSyncTable, rows: number) => changedRows.set(table, (changedRows.get(table) ?? 0) + rows);
      const tx: TSyncWriteTx = {
        *replaceRows(table, connectionId, rows) {
          const result = (yield postgres.replaceRows(client, table, connectionId, rows, newId)) as TReplaceResult;
          changed(table, result.inserted + result.deleted);
          return result;
        },
        *insertRows(table, rows) {
          const inserted = (yield postgres.insertRows(client, table, rows, newId)) as number;
          changed(table, inserted);
          return inserted;
        },
        *upsertRow(table, key, row) {
          yield postgres.upsertRow(client, table, key, row);
        },
        *selectOfConnection<R>(table: TSyncTable, columns: readonly (keyof R & string)[], connectionId: string) {
          return (yield postgres.selectOfConnection<R>(client, table, columns, connectionId)) as R[];
        },
        *deleteWhere(table, where) {
          yield postgres.deleteWhere(client, table, where);
        },
      };
      try {
        await client.query("BEGIN");
        const result = await runAwaiting(work(tx));
        await client.query("COMMIT");
        const changedALot = [...changedRows].filter(([, rows]) => rows >= REFRESH_STATISTICS_AFTER_ROWS).map(([table]) => table);
        await refreshStatistics(client, pool, changedALot, options.visibilityRetryDelaysMs);
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
