// The sync's write path: prepared statements on a connection of its own (lib/db/create-write-connection.ts),
// inside one short synchronous transaction. See docs/decisions/021-sync-write-path-and-wal.md.
import { randomBytes } from "node:crypto";
import type { Statement } from "better-sqlite3";
import type { TWriteConnection } from "@/lib/db/create-write-connection";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The row each table of a connection's data takes: Prisma's own input types, so a column renamed
 * or retyped in prisma/schema.prisma breaks the build here rather than the sync at run time.
 */
export type TSyncRowOf = {
  WealthIdentity: Prisma.WealthIdentityCreateManyInput;
  WealthHolder: Prisma.WealthHolderCreateManyInput;
  WealthAccount: Prisma.WealthAccountCreateManyInput;
  WealthAccountTransaction: Prisma.WealthAccountTransactionCreateManyInput;
  WealthCard: Prisma.WealthCardCreateManyInput;
  WealthCardTransaction: Prisma.WealthCardTransactionCreateManyInput;
  WealthPortfolio: Prisma.WealthPortfolioCreateManyInput;
  WealthInvestment: Prisma.WealthInvestmentCreateManyInput;
  WealthInvestmentTransaction: Prisma.WealthInvestmentTransactionCreateManyInput;
  WealthLiability: Prisma.WealthLiabilityCreateManyInput;
  WealthLiabilityTransaction: Prisma.WealthLiabilityTransactionCreateManyInput;
  WealthMifidAnswer: Prisma.WealthMifidAnswerCreateManyInput;
  WealthSnapshot: Prisma.WealthSnapshotCreateManyInput;
  WealthSyncState: Prisma.WealthSyncStateCreateManyInput;
  WealthSetAsideRecord: Prisma.WealthSetAsideRecordCreateManyInput;
};
export type TSyncTable = keyof TSyncRowOf;

type TBindable = string | number | bigint | null;

/**
 * Ids for inserted rows: one random prefix per writer plus a counter, so ids are unique, short,
 * and ascending within one sync (appending to the primary-key B-tree instead of scattering
 * random keys over it keeps 100 000 inserts fast).
 */
export function createRowIds(): () => string {
  const prefix = `b${randomBytes(8).toString("hex")}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36).padStart(6, "0")}`;
}

/** A value as SQLite stores it, the way Prisma writes it (DateTime as ISO text with +00:00, Boolean as 0/1). */
function bindable(value: unknown): TBindable {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  throw new TypeError(`Cannot store a ${typeof value} in SQLite`);
}

const memos = new WeakMap<TWriteConnection, Map<string, unknown>>();

/** Per connection: a sync runs the same dozen statements and table lookups every time. */
function memoized<T>(db: TWriteConnection, key: string, make: () => T): T {
  let memo = memos.get(db);
  if (!memo) {
    memo = new Map();
    memos.set(db, memo);
  }
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

function prepared(db: TWriteConnection, sql: string): Statement {
  return memoized(db, `sql:${sql}`, () => db.prepare(sql));
}

function hasIdColumn(db: TWriteConnection, table: TSyncTable): boolean {
  return memoized(db, `has-id:${table}`, () => db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = 'id'`).get(table) !== undefined);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The columns of a batch (every row from one normalizer has the same keys), id first when the table has one. */
function columnsOf<T extends TSyncTable>(db: TWriteConnection, table: T, first: TSyncRowOf[T]): string[] {
  const keys = Object.keys(first).filter((key) => key !== "id");
  return hasIdColumn(db, table) ? ["id", ...keys] : keys;
}

/** SQLite's default limit of bound parameters per statement (32 766 since 3.32) minus a margin. */
const MAX_PARAMS = 30_000;
/** Rows per INSERT: beyond a few hundred, bigger statements buy little and cost memory. */
const MAX_ROWS = 1_000;

/**
 * Inserts rows with a prepared multi-row `INSERT … VALUES (…), (…)` (up to 1 000 rows a
 * statement; the remainder one row at a time): half the CPU of one statement per row, since each
 * statement opens a cursor on the table and on every index again (measured on 100 000 account
 * transactions, 5 indexes).
 */
export function insertRows<T extends TSyncTable>(db: TWriteConnection, table: T, rows: readonly TSyncRowOf[T][], newId: () => string): number {
  const first = rows[0];
  if (!first) return 0;
  const columns = columnsOf(db, table, first);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const batch = prepared(db, head + new Array<string>(perStatement).fill(tuple).join(", "));
  const single = prepared(db, head + tuple);
  const values: TBindable[] = new Array<TBindable>(perStatement * columns.length);
  let start = 0;
  for (; start < rows.length; start += perStatement) {
    const isFull = start + perStatement <= rows.length;
    const end = isFull ? start + perStatement : rows.length;
    if (!isFull) values.length = columns.length;
    let i = 0;
    for (let r = start; r < end; r++) {
      const record = rows[r] as Record<string, unknown>;
      for (const column of columns) values[i++] = column === "id" ? ((record.id as string | undefined) ?? newId()) : bindable(record[column]);
      if (!isFull) {
        single.run(values);
        i = 0;
      }
    }
    if (isFull) batch.run(values);
  }
  return rows.length;
}

/** A stored value (INTEGER read as bigint) against the value a row would be written with. */
function isSameValue(stored: unknown, value: TBindable): boolean {
  if (stored === value) return true;
  return typeof stored === "bigint" && typeof value === "number" && Number.isInteger(value) && BigInt(value) === stored;
}

export type TReplaceResult = { kept: number; inserted: number; deleted: number };

/**
 * Makes the rows of one connection in `table` exactly `rows` (inside the caller's transaction).
 * A stored row equal in every column to a new one is kept, with its id; the other stored rows are
 * deleted and the other new rows inserted. A daily sync finds most of a 100 000-transaction
 * history unchanged: reading it back costs a fraction of deleting and re-inserting it through five
 * indexes, and ids stay stable across syncs. Equal means equal as stored (numbers compared with
 * the INTEGER or REAL read back, so no textual rendering can make two values look alike).
 */
export function replaceRows<T extends TSyncTable>(
  db: TWriteConnection,
  table: T,
  connectionId: string,
  rows: readonly TSyncRowOf[T][],
  newId: () => string,
): TReplaceResult {
  const first = rows[0];
  if (!first || !hasIdColumn(db, table)) {
    const deleted = prepared(db, `DELETE FROM ${quoted(table)} WHERE "connectionId" = ?`).run(connectionId).changes;
    return { kept: 0, inserted: insertRows(db, table, rows, newId), deleted };
  }
  const columns = columnsOf(db, table, first).filter((column) => column !== "id");
  // Stored rows in buckets by Flanks id (unique in practice, though nothing here relies on it), or by the first column of their own.
  const bucketColumn = columns.includes("flanksId")
    ? columns.indexOf("flanksId")
    : Math.max(
        0,
        columns.findIndex((column) => column !== "connectionId" && column !== "clientId"),
      );
  const read = prepared(db, `SELECT "id", ${columns.map(quoted).join(", ")} FROM ${quoted(table)} WHERE "connectionId" = ?`);
  const stored = new Map<unknown, unknown[][]>();
  let storedCount = 0;
  for (const row of read.raw(true).safeIntegers(true).iterate(connectionId) as IterableIterator<unknown[]>) {
    const key = row[bucketColumn + 1];
    const bucket = stored.get(key);
    if (bucket) bucket.push(row);
    else stored.set(key, [row]);
    storedCount += 1;
  }
  const added: TSyncRowOf[T][] = [];
  const values: TBindable[] = new Array<TBindable>(columns.length);
  let kept = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) values[i] = bindable(record[columns[i] as string]);
    const bucket = stored.get(values[bucketColumn]);
    const match = bucket ? bucket.findIndex((candidate) => values.every((value, i) => isSameValue(candidate[i + 1], value))) : -1;
    if (match < 0) {
      added.push(row);
      continue;
    }
    (bucket as unknown[][]).splice(match, 1);
    kept += 1;
  }
  const deleted = storedCount - kept;
  if (kept === 0) {
    prepared(db, `DELETE FROM ${quoted(table)} WHERE "connectionId" = ?`).run(connectionId);
  } else if (deleted > 0) {
    const remove = prepared(db, `DELETE FROM ${quoted(table)} WHERE "id" = ?`);
    for (const bucket of stored.values()) for (const row of bucket) remove.run(row[0]);
  }
  return { kept, inserted: insertRows(db, table, added, newId), deleted };
}

/** INSERT, or UPDATE every given column when a row with the same `key` exists. */
export function upsertRow<T extends TSyncTable>(db: TWriteConnection, table: T, key: keyof TSyncRowOf[T] & string, row: TSyncRowOf[T]): void {
  const record = row as Record<string, unknown>;
  const columns = Object.keys(record);
  const updates = columns.filter((column) => column !== key).map((column) => `${quoted(column)} = excluded.${quoted(column)}`);
  prepared(
    db,
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ON CONFLICT (${quoted(key)}) DO UPDATE SET ${updates.join(", ")}`,
  ).run(columns.map((column) => bindable(record[column])));
}

/** Rows of one connection (a few columns of a few rows: the snapshot's inputs); INTEGER columns read as bigint. */
export function selectOfConnection<R>(db: TWriteConnection, table: TSyncTable, columns: readonly (keyof R & string)[], connectionId: string): R[] {
  return prepared(db, `SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)} WHERE "connectionId" = ?`)
    .safeIntegers(true)
    .all(connectionId) as R[];
}

export function deleteWhere(db: TWriteConnection, table: TSyncTable, where: Record<string, string>): void {
  const columns = Object.keys(where);
  prepared(db, `DELETE FROM ${quoted(table)} WHERE ${columns.map((column) => `${quoted(column)} = ?`).join(" AND ")}`).run(
    columns.map((column) => where[column] ?? null),
  );
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one IMMEDIATE transaction on the write connection, synchronously: no other
 * JavaScript of this process runs until it commits (so nothing here can see or join it
 * half-done), and other processes see it whole or not at all. When the database is busy (another
 * writer holds the lock, possibly an interactive Prisma transaction of this very process waiting
 * for its next turn of the event loop), it waits asynchronously and tries again, instead of
 * blocking the thread in SQLite's busy handler. A transaction that fails is rolled back, so
 * `work` may run again from scratch.
 */
export async function inWriteTransaction<T>(db: TWriteConnection, work: () => T, maxWaitMs = 60_000): Promise<T> {
  const transaction = db.transaction(work);
  const deadline = Date.now() + maxWaitMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
    try {
      return transaction.immediate();
    } catch (error) {
      if (!isBusy(error) || Date.now() + delay > deadline) throw error;
    }
    await sleep(delay);
  }
}
