import Database from "better-sqlite3";
import type pg from "pg";
import { createPostgresPool } from "./postgres-pool";
import { isPostgresUrl, numberedPlaceholders, type TSqlDialect } from "./sql-dialect";

/**
 * SQL for the read connection: one text with `?` placeholders for both databases, or one text per
 * database where they differ (the PostgreSQL text then numbers its own placeholders, `$1`…).
 */
export type TReadSql = string | { sqlite: string; postgres: string };
/** Positional parameters, or (SQLite only) named ones for `:name` placeholders. */
export type TReadParams = readonly unknown[] | Record<string, unknown>;

/**
 * The reads every page makes, outside Prisma. Prisma 6 compiles each query in its WASM query
 * compiler on every call (no plan cache): ~1.5–4 ms of CPU per call under load, against tens of
 * microseconds for a prepared statement. The lookups that every signed-in page repeats (session,
 * client row, its connections, the client list's figures) use this connection. Each read sees the
 * last committed state (SQLite WAL; PostgreSQL read committed), including what Prisma's
 * connection or another process just committed.
 *
 * INTEGER / int8 values come back as BigInt where `bigints` is asked (SQLite) and always on
 * PostgreSQL; DateTime columns as ISO text (SQLite) or Date (PostgreSQL): read them with toDate.
 */
export type TReadConnection = {
  readonly dialect: TSqlDialect;
  all<R>(sql: TReadSql, params?: TReadParams, options?: { bigints?: boolean }): Promise<R[]>;
  get<R>(sql: TReadSql, params?: TReadParams): Promise<R | undefined>;
  close(): Promise<void>;
};

export function createReadConnection(databaseUrl: string): TReadConnection {
  return isPostgresUrl(databaseUrl) ? postgresReadConnection(createPostgresPool(databaseUrl)) : sqliteReadConnection(databaseUrl);
}

/** Read-only better-sqlite3: a synchronous prepared statement, answered as a resolved promise. */
function sqliteReadConnection(databaseUrl: string): TReadConnection {
  const db = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: TReadSql) => {
    const text = typeof sql === "string" ? sql : sql.sqlite;
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
  const args = (params: TReadParams | undefined) => (params === undefined ? [] : Array.isArray(params) ? params : [params]);
  return {
    dialect: "sqlite",
    async all<R>(sql: TReadSql, params?: TReadParams, options?: { bigints?: boolean }) {
      return prepared(sql)
        .safeIntegers(options?.bigints ?? false)
        .all(...args(params)) as R[];
    },
    async get<R>(sql: TReadSql, params?: TReadParams) {
      return prepared(sql)
        .safeIntegers(false)
        .get(...args(params)) as R | undefined;
    },
    async close() {
      db.close();
    },
  };
}

/** A pool of node-postgres clients; each text is sent as a named prepared statement, planned once per pooled connection. */
export function postgresReadConnection(pool: pg.Pool): TReadConnection {
  const names = new Map<string, { name: string; text: string }>();
  const statement = (sql: TReadSql) => {
    const key = typeof sql === "string" ? sql : sql.postgres;
    let found = names.get(key);
    if (!found) names.set(key, (found = { name: `read_${names.size}`, text: typeof sql === "string" ? numberedPlaceholders(sql) : sql.postgres }));
    return found;
  };
  const query = async <R>(sql: TReadSql, params: TReadParams | undefined): Promise<R[]> => {
    if (params !== undefined && !Array.isArray(params)) throw new TypeError("PostgreSQL reads take positional parameters");
    const { rows } = await pool.query({ ...statement(sql), values: (params ?? []) as unknown[] });
    return rows as R[];
  };
  return {
    dialect: "postgres",
    all: (sql, params) => query(sql, params),
    async get<R>(sql: TReadSql, params?: TReadParams) {
      return (await query<R>(sql, params))[0];
    },
    async close() {
      await pool.end();
    },
  };
}

/** A DateTime column as read: ISO 8601 text (SQLite, Prisma's format; unix ms in older files) or a Date (PostgreSQL). */
export function toDate(value: unknown): Date {
  const date = new Date(value as string | number | Date);
  if (Number.isNaN(date.getTime())) throw new Error(`not a stored date: ${String(value)}`);
  return date;
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}
