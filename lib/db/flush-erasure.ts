import Database from "better-sqlite3";
import { logError } from "@/lib/log/log-error";

export type TErasureFlush = { isFlushed: boolean; attempts: number };

type TCheckpointRow = { busy: number; log: number; checkpointed: number };

/**
 * After an erasure: copies the WAL into the database file and truncates the WAL to zero bytes.
 * secure_delete zeroes the erased rows in the pages it writes, but in WAL mode those pages are new
 * frames appended to the WAL, while the older frames still holding the rows stay in the WAL file
 * (a checkpoint does not shrink it; later writes overwrite it only as far as they reach).
 * `wal_checkpoint(TRUNCATE)` leaves the zeroed pages in the main file and nothing in the WAL.
 *
 * It needs a moment with no reader on an older snapshot and no writer. It runs on a connection of
 * its own with no busy wait (better-sqlite3's wait would block this thread, which may be the one
 * that must finish the other write) and is tried again asynchronously; `isFlushed: false` after
 * every attempt (logged) means the WAL still holds the old frames until the next checkpoint that truncates.
 */
export async function flushErasureToDisk(databaseUrl: string, { attempts = 25, delayMs = 200 } = {}): Promise<TErasureFlush> {
  if (!databaseUrl.startsWith("file:")) return { isFlushed: true, attempts: 0 };
  const db = new Database(databaseUrl.slice("file:".length), { timeout: 0, fileMustExist: true });
  try {
    for (let attempt = 1; ; attempt++) {
      if (checkpointTruncate(db)) return { isFlushed: true, attempts: attempt };
      if (attempt >= attempts) {
        logError(
          "erasure",
          new Error(`the database stayed busy for ${attempts} checkpoint attempts: the WAL keeps the erased pages until the next truncating checkpoint`),
        );
        return { isFlushed: false, attempts: attempt };
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  } finally {
    db.close();
  }
}

function checkpointTruncate(db: Database.Database): boolean {
  try {
    const [row] = db.pragma("wal_checkpoint(TRUNCATE)") as TCheckpointRow[];
    // Not in WAL mode: log is -1 and there is nothing to flush.
    return row !== undefined && row.busy === 0;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY" || (error as { code?: string }).code === "SQLITE_LOCKED") return false;
    throw error;
  }
}
