import Database from "better-sqlite3";

/** Read-only access to the end-to-end server's database, for checks a page cannot show (erasure, encryption). */
export function queryE2eDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(`${process.env.E2E_DATA_DIR ?? "data/e2e"}/app.db`, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
