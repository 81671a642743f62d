import { chmodSync, closeSync, existsSync, openSync } from "node:fs";

/** Owner read/write only, as DATA_DIR/secrets.json: the file holds every client's wealth. */
export const DATABASE_FILE_MODE = 0o600;

/**
 * Creates the SQLite file (if missing) with mode 600 before anything else opens it, and narrows an
 * existing one (and its -wal / -shm) to 600. Without it `prisma migrate deploy` creates the file
 * under the process umask (644 on most systems: readable by every local user). SQLite creates the
 * WAL and shared-memory files with the database file's permissions, so they follow.
 */
export function makeDatabaseFilePrivate(databaseUrl: string): void {
  if (!databaseUrl.startsWith("file:")) return;
  const file = databaseUrl.slice("file:".length);
  if (!existsSync(file)) closeSync(openSync(file, "a", DATABASE_FILE_MODE));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, DATABASE_FILE_MODE);
  }
}
