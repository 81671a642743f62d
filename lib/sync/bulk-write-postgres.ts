// The sync's bulk writes on PostgreSQL: the same contract as lib/sync/bulk-write.ts (SQLite), on
// one pooled client inside the caller's transaction (lib/sync/sync-writer.ts).
import type pg from "pg";
import type { TReplaceResult, TSyncRowOf, TSyncTable } from "./bulk-write";

type TColumnTypes = Map<string, string>;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

const columnTypes = new WeakMap<pg.ClientBase, Map<string, Promise<TColumnTypes>>>();

/** Each column's type name (int8, text, timestamptz, an enum's name…), read once per client and table. */
function typesOf(client: pg.ClientBase, table: TSyncTable): Promise<TColumnTypes> {
  let byTable = columnTypes.get(client);
  if (!byTable) columnTypes.set(client, (byTable = new Map()));
  let types = byTable.get(table);
  if (!types) {
    types = client
      .query<{ name: string; type: string }>(
        `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      )
      .then(({ rows }) => new Map(rows.map((row) => [row.name, row.type])));
    byTable.set(table, types);
  }
  return types;
}

/** A value as node-postgres sends it (and as JSON carries it): Dates and booleans as such, BigInt as its digits (exact past 2^53), undefined as NULL. */
function bindable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date || typeof value === "boolean" || typeof value === "string" || typeof value === "number") return value;
  throw new TypeError(`Cannot store a ${typeof value} in PostgreSQL`);
}

/** Rows per INSERT: one JSON parameter each, so the statement's size does not grow with the rows. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Inserts rows with `INSERT … SELECT … FROM json_populate_recordset(NULL::table, $1)`: one statement and one
 * parameter for thousands of rows, each column read by its own type's input function. Against one array parameter
 * per column (`unnest($1::type[], …)`), node-postgres no longer escapes every value into an array literal: a first
 * sync of 100 000 transactions spent ~1 s of its write's CPU there, and as much again collecting the garbage.
 */
export async function insertRows<T extends TSyncTable>(client: pg.ClientBase, table: T, rows: readonly TSyncRowOf[T][], newId: () => string): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const types = await typesOf(client, table);
  const keys = Object.keys(first).filter((key) => key !== "id");
  const hasId = types.has("id");
  const columns = (hasId ? ["id", ...keys] : keys).map(quoted).join(", ");
  const sql = `INSERT INTO ${quoted(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const records = chunk.map((record) => {
      const out: Record<string, unknown> = hasId ? { id: (record.id as string | undefined) ?? newId() } : {};
      for (const key of keys) out[key] = bindable(record[key]);
      return out;
    });
    await client.query(sql, [JSON.stringify(records)]);
  }
  return rows.length;
}

/** A value for comparing a stored row with a new one: the same text for the same stored value, whichever JavaScript type carries it. */
function comparable(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (typeof value === "bigint" || typeof value === "number") return `n:${value.toString()}`;
  if (typeof value === "boolean") return `b:${value}`;
  return `s:${String(value)}`;
}

/** As lib/sync/bulk-write.ts replaceRows: equal stored rows are kept with their ids, the others deleted, the new ones inserted. */
export async function replaceRows<T extends TSyncTable>(
  client: pg.ClientBase,
  table: T,
  connectionId: string,
  rows: readonly TSyncRowOf[T][],
  newId: () => string,
): Promise<TReplaceResult> {
  const first = rows[0];
  const types = await typesOf(client, table);
  if (!first || !types.has("id")) {
    const { rowCount } = await client.query(`DELETE FROM ${quoted(table)} WHERE "connectionId" = $1`, [connectionId]);
    return { kept: 0, inserted: await insertRows(client, table, rows, newId), deleted: rowCount ?? 0 };
  }
  const columns = Object.keys(first).filter((key) => key !== "id");
  const bucketColumn = columns.includes("flanksId")
    ? "flanksId"
    : (columns.find((column) => column !== "connectionId" && column !== "clientId") ?? columns[0]!);
  const { rows: storedRows } = await client.query<Record<string, unknown>>({
    text: `SELECT "id", ${columns.map(quoted).join(", ")} FROM ${quoted(table)} WHERE "connectionId" = $1`,
    values: [connectionId],
  });
  const stored = new Map<string | null, (string | null)[][]>();
  const ids = new Map<(string | null)[], string>();
  for (const row of storedRows) {
    const values = columns.map((column) => comparable(row[column]));
    const key = comparable(row[bucketColumn]);
    ids.set(values, row.id as string);
    const bucket = stored.get(key);
    if (bucket) bucket.push(values);
    else stored.set(key, [values]);
  }
  const added: TSyncRowOf[T][] = [];
  let kept = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    const values = columns.map((column) => comparable(record[column]));
    const bucket = stored.get(comparable(record[bucketColumn]));
    const match = bucket ? bucket.findIndex((candidate) => candidate.every((value, i) => value === values[i])) : -1;
    if (match < 0) {
      added.push(row);
      continue;
    }
    (bucket as (string | null)[][]).splice(match, 1);
    kept += 1;
  }
  const deleted = storedRows.length - kept;
  if (kept === 0) {
    await client.query(`DELETE FROM ${quoted(table)} WHERE "connectionId" = $1`, [connectionId]);
  } else if (deleted > 0) {
    const gone = [...stored.values()].flatMap((bucket) => bucket.map((values) => ids.get(values) as string));
    await client.query(`DELETE FROM ${quoted(table)} WHERE "id" = ANY($1::text[])`, [gone]);
  }
  return { kept, inserted: await insertRows(client, table, added, newId), deleted };
}

export async function upsertRow<T extends TSyncTable>(client: pg.ClientBase, table: T, key: keyof TSyncRowOf[T] & string, row: TSyncRowOf[T]): Promise<void> {
  const record = row as Record<string, unknown>;
  const columns = Object.keys(record);
  const updates = columns.filter((column) => column !== key).map((column) => `${quoted(column)} = excluded.${quoted(column)}`);
  await client.query(
    `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT (${quoted(key)}) DO UPDATE SET ${updates.join(", ")}`,
    columns.map((column) => bindable(record[column])),
  );
}

export async function selectOfConnection<R>(
  client: pg.ClientBase,
  table: TSyncTable,
  columns: readonly (keyof R & string)[],
  connectionId: string,
): Promise<R[]> {
  const { rows } = await client.query(`SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)} WHERE "connectionId" = $1`, [connectionId]);
  return rows as R[];
}

export async function deleteWhere(client: pg.ClientBase, table: TSyncTable, where: Record<string, string>): Promise<void> {
  const columns = Object.keys(where);
  await client.query(
    `DELETE FROM ${quoted(table)} WHERE ${columns.map((column, i) => `${quoted(column)} = $${i + 1}`).join(" AND ")}`,
    columns.map((column) => where[column] ?? null),
  );
}
