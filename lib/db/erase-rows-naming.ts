import type { Prisma } from "@/lib/generated/prisma/client";
import { dialectOfClient } from "./sql-dialect";

export type TErasureKey = "connectionId" | "clientId";

/**
 * Erasure by column rather than by a list of tables: deletes, in every ordinary table that has a
 * `connectionId` (or `clientId`) column, the rows holding `id`. A table added later (set-aside
 * Flanks records, a cache) is erased without anyone remembering to add it here; a relation with
 * ON DELETE CASCADE would cover it too, this also covers a table that copies the id without one.
 * Virtual tables (the FTS5 indexes, which take deletes only through their triggers) and `except`
 * (rows kept on purpose) are skipped. The catalogue is SQLite's or PostgreSQL's information_schema (whose `name`
 * columns Prisma's pg adapter cannot read: cast to text).
 */
export async function eraseRowsNaming(
  tx: Prisma.TransactionClient,
  key: TErasureKey,
  id: string,
  except: readonly string[] = [],
): Promise<Record<string, number>> {
  const isPostgres = dialectOfClient(tx) === "postgres";
  const tables = isPostgres
    ? await tx.$queryRawUnsafe<{ name: string }[]>(
        `SELECT c.table_name::text AS name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name = $1
          ORDER BY c.table_name`,
        key,
      )
    : await tx.$queryRawUnsafe<{ name: string }[]>(
        `SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c
      WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\\_prisma%' ESCAPE '\\' AND c.name = ?
      ORDER BY m.name`,
        key,
      );
  const deleted: Record<string, number> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const count = await tx.$executeRawUnsafe(`DELETE FROM "${name.replaceAll('"', '""')}" WHERE "${key}" = ${isPostgres ? "$1" : "?"}`, id);
    if (count > 0) deleted[name] = count;
  }
  return deleted;
}
