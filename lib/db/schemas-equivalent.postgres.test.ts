import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSqliteTestDatabase, createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * The two migration folders build the same schema: every table, column (type class, nullability),
 * index (columns in order, unique or not) and foreign key (columns, target, ON DELETE), read from
 * a SQLite file with prisma/migrations applied and a PostgreSQL database with
 * prisma/migrations-postgres applied by dbmate. Index names are left out: PostgreSQL cuts them at
 * 63 characters. What each database does its own way is left out too (docs/decisions/048): SQLite's
 * FTS5 tables and PostgreSQL's search indexes, each side's migration bookkeeping.
 */
type TSchema = { columns: string[]; indexes: string[]; foreignKeys: string[] };

let sqliteDatabase: TTestDatabase;
let postgresDatabase: TTestDatabase;

beforeAll(async () => {
  sqliteDatabase = await createSqliteTestDatabase();
  postgresDatabase = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await sqliteDatabase?.close();
  await postgresDatabase?.close();
});

const SQLITE_TYPES: Record<string, string> = {
  TEXT: "text",
  INTEGER: "int",
  BIGINT: "bigint",
  BOOLEAN: "bool",
  DATETIME: "datetime",
  REAL: "float",
  DOUBLE: "float",
};
const POSTGRES_TYPES: Record<string, string> = { text: "text", int4: "int", int8: "bigint", bool: "bool", timestamptz: "datetime", float8: "float" };
const ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function sqliteSchema(file: string): TSchema {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '%Search\\_%' ESCAPE '\\' AND name <> '_prisma_migrations'`,
        )
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    const schema: TSchema = { columns: [], indexes: [], foreignKeys: [] };
    for (const table of tables) {
      for (const column of db.prepare(`SELECT name, type, "notnull" FROM pragma_table_info(?)`).all(table) as {
        name: string;
        type: string;
        notnull: number;
      }[]) {
        schema.columns.push(`${table}.${column.name} ${SQLITE_TYPES[column.type] ?? column.type}${column.notnull ? " NOT NULL" : ""}`);
      }
      for (const index of db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) WHERE origin <> 'pk'`).all(table) as {
        name: string;
        unique: number;
      }[]) {
        const columns = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name) as { name: string }[]).map((row) => row.name);
        schema.indexes.push(`${table}(${columns.join(", ")})${index.unique ? " UNIQUE" : ""}`);
      }
      for (const key of db.prepare(`SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?)`).all(table) as {
        from: string;
        table: string;
        to: string;
        on_delete: string;
      }[]) {
        schema.foreignKeys.push(`${table}.${key.from} -> ${key.table}.${key.to} ON DELETE ${key.on_delete}`);
      }
    }
    return sorted(schema);
  } finally {
    db.close();
  }
}

async function postgresSchema(url: string): Promise<TSchema> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ignoredTables = ["schema_migrations"];
    const columns = await client.query<{ table: string; name: string; type: string; nullable: string }>(
      `SELECT c.table_name AS table, c.column_name AS name, c.udt_name AS type, c.is_nullable AS nullable, c.data_type
         FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT (c.table_name = ANY($1))`,
      [ignoredTables],
    );
    const enums = new Set((await client.query<{ typname: string }>(`SELECT typname FROM pg_type WHERE typtype = 'e'`)).rows.map((row) => row.typname));
    const indexes = await client.query<{ table: string; columns: string[]; unique: boolean }>(
      `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns, ix.indisunique AS unique
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = current_schema() AND NOT ix.indisprimary AND ix.indexprs IS NULL AND NOT (t.relname = ANY($1))
        GROUP BY t.relname, i.relname, ix.indisunique`,
      [ignoredTables],
    );
    const foreignKeys = await client.query<{ table: string; column: string; refTable: string; refColumn: string; onDelete: string }>(
      `SELECT cl.relname::text AS table, a.attname::text AS column, rcl.relname::text AS "refTable", ra.attname::text AS "refColumn", con.confdeltype AS "onDelete"
         FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class rcl ON rcl.oid = con.confrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
         JOIN LATERAL unnest(con.conkey, con.confkey) AS k(col, refcol) ON true
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol
        WHERE con.contype = 'f' AND n.nspname = current_schema()`,
    );
    return sorted({
      // An enum is TEXT in SQLite (Prisma checks its values there).
      columns: columns.rows.map(
        (c) => `${c.table}.${c.name} ${enums.has(c.type) ? "text" : (POSTGRES_TYPES[c.type] ?? c.type)}${c.nullable === "NO" ? " NOT NULL" : ""}`,
      ),
      indexes: indexes.rows.map((ix) => `${ix.table}(${ix.columns.join(", ")})${ix.unique ? " UNIQUE" : ""}`),
      foreignKeys: foreignKeys.rows.map(
        (fk) => `${fk.table}.${fk.column} -> ${fk.refTable}.${fk.refColumn} ON DELETE ${ON_DELETE[fk.onDelete] ?? fk.onDelete}`,
      ),
    });
  } finally {
    await client.end();
  }
}

function sorted(schema: TSchema): TSchema {
  return { columns: [...schema.columns].sort(), indexes: [...schema.indexes].sort(), foreignKeys: [...schema.foreignKeys].sort() };
}

it("prisma/migrations and prisma/migrations-postgres build the same tables, columns, indexes and foreign keys", async () => {
  const sqlite = sqliteSchema(sqliteDatabase.url.replace(/^file:/, ""));
  const postgres = await postgresSchema(postgresDatabase.url);
  expect(sqlite.columns.length).toBeGreaterThan(100);
  expect(postgres).toEqual(sqlite);
});
