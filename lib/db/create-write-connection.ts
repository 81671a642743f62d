import Database from "better-sqlite3";
import { WRITER_PRAGMAS } from "./writer-pragmas";

/** A synchronous SQLite connection of its own (better-sqlite3), for the sync's bulk writes. */
export type TWriteConnection = Database.Database;

/**
 * The sync writes through this connection, never through Prisma's: Prisma's adapter has one
 * connection per process and runs every request's queries on it, so while the sync held an
 * interactive transaction open there, page queries read its half-written rows (and their own
 * writes joined the sync's transaction). On a connection of its own, the write is one
 * transaction that other connections see either not at all or whole (WAL snapshot isolation).
 *
 * Same driver and file as Prisma's client (its URL, `file:` prefix stripped the same way).
 */
export function createWriteConnection(databaseUrl: string): TWriteConnection {
  // busy_timeout 0: a busy database is waited for asynchronously (lib/sync/bulk-write.ts,
  // withWriteLock), since better-sqlite3's own wait sleeps the whole thread, and in this process
  // that could be the thread of the Prisma transaction holding the lock.
  const db = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 0 });
  db.pragma("foreign_keys = ON");
  // In WAL mode NORMAL only skips the fsync at each commit (the checkpoint still syncs): a power
  // cut can lose the last syncs, never corrupt the file, and a lost sync is fetched again.
  db.pragma("synchronous = NORMAL");
  for (const pragma of WRITER_PRAGMAS) db.pragma(pragma);
  return db;
}
