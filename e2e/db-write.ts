import Database from "better-sqlite3";

/** Writes to the end-to-end server's database, for states a test cannot reach in real time (a session idle for 31 minutes). */
export function writeE2eDb(sql: string, ...params: unknown[]): number {
  const db = new Database(`${process.env.E2E_DATA_DIR ?? "data/e2e"}/app.db`, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

/** A date as Prisma stores it in SQLite (ISO 8601 text with an explicit offset). */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
