import pg from "pg";

/** int8 (bigint columns, count(*)) as BigInt, as better-sqlite3's safeIntegers and Prisma return them: minor units may pass 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The pool behind the read connection and the sync's writes on PostgreSQL (Prisma's adapter keeps
 * a pool of its own). Small: page reads are short, and a sync holds one client for its write.
 */
export function createPostgresPool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types });
  // An idle client's error (the server restarted) must not crash the process: the pool drops it.
  pool.on("error", () => {});
  return pool;
}
