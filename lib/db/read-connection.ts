import Database from "better-sqlite3";

/** A read-only SQLite connection of its own (better-sqlite3), for the reads every page makes. */
export type TReadConnection = Database.Database;

/**
 * Prisma 6 compiles each query in its WASM query compiler on every call (no plan cache): ~1.5–4 ms
 * of CPU per call under load, against tens of microseconds for a prepared statement. The lookups
 * that every signed-in page repeats (session, client row, its connections) use this connection.
 * Read-only, outside any transaction: each statement sees the last committed state of the file
 * (WAL), including what Prisma's connection or another process just committed.
 */
export function createReadConnection(databaseUrl: string): TReadConnection {
  return new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
}

const statements = new WeakMap<TReadConnection, Map<string, Database.Statement>>();

/** The statement for `sql`, prepared once per connection. */
export function prepared(db: TReadConnection, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** A DateTime column as Prisma's SQLite adapter stores it (ISO 8601 text; unix ms in older files). */
export function toDate(value: unknown): Date {
  const date = new Date(value as string | number);
  if (Number.isNaN(date.getTime())) throw new Error(`not a stored date: ${String(value)}`);
  return date;
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}
