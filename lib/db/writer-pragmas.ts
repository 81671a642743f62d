/**
 * Set on every connection that writes the database (Prisma's, lib/db/create-prisma-client.ts, and
 * the sync's, lib/db/create-write-connection.ts).
 *
 * secure_delete = ON: SQLite overwrites deleted content with zeros, in the page a row leaves and in
 * every page that becomes free. Without it an erased client's identity, IBANs and transactions stay
 * readable in the file's free pages until reused. FAST is not enough: it skips free pages whenever
 * zeroing them costs extra I/O. Its cost on the sync's write path is measured in
 * docs/decisions/042-data-at-rest.md. The WAL is dealt with after an erasure (lib/db/flush-erasure.ts).
 */
export const WRITER_PRAGMAS = ["secure_delete = ON"] as const;

export function writerPragmaScript(): string {
  return WRITER_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join("\n");
}
