import { randomBytes } from "node:crypto";

/** What a Prisma client or interactive transaction offers for raw SQL. */
export type TRawExecutor = { $executeRawUnsafe: (query: string, ...values: unknown[]) => Promise<number> };

/** SQLite's default limit of bound parameters per statement (32 766 since 3.32) minus a margin. */
const MAX_PARAMS = 30_000;
/** Rows per INSERT: beyond a few hundred, bigger statements buy little and cost memory. */
const MAX_ROWS = 1_000;

/**
 * Ids for bulk-inserted rows: one random prefix per writer plus a counter, so ids are unique,
 * short, and ascending within one sync (appending to the primary-key B-tree instead of scattering
 * random keys over it keeps 100 000 inserts fast).
 */
export function createRowIds(): () => string {
  const prefix = `b${randomBytes(8).toString("hex")}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36).padStart(6, "0")}`;
}

function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  // Prisma serializes a BigInt parameter to text and back; an exact integer number binds the same INTEGER.
  if (typeof value === "bigint" && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  return value;
}

/**
 * Inserts plain rows (column → value, the same keys in every row) with multi-row
 * `INSERT … VALUES (…), (…)` statements: one statement per ~1 000 rows instead of Prisma's
 * per-row work in `createMany`, which took ~90 s and over 1 GB for 100 000 transactions.
 * Meant for the sync's tables, whose only non-SQL defaults are ids (given here).
 */
export async function insertRows(db: TRawExecutor, table: string, rows: readonly Record<string, unknown>[], newId: () => string): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = ["id", ...Object.keys(first).filter((key) => key !== "id")];
  const perRow = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += perRow) {
    const chunk = rows.slice(start, start + perRow);
    const values: unknown[] = new Array(chunk.length * columns.length);
    let i = 0;
    for (const row of chunk) {
      for (const column of columns) values[i++] = column === "id" ? ((row.id as string | undefined) ?? newId()) : bindable(row[column]);
    }
    await db.$executeRawUnsafe(head + new Array(chunk.length).fill(tuple).join(", "), ...values);
  }
}

export async function deleteRowsOfConnection(db: TRawExecutor, table: string, connectionId: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "connectionId" = ?`, connectionId);
}
