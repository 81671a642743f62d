import "server-only";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { dialectOfClient } from "@/lib/db/sql-dialect";

/** The full-text indexes of migration 0006, one per transaction table. */
const SEARCH_TABLES = [
  "WealthAccountTransactionSearch",
  "WealthCardTransactionSearch",
  "WealthInvestmentTransactionSearch",
  "WealthLiabilityTransactionSearch",
] as const;

/**
 * Erasure: deleting a transaction only appends a "delete" marker to its FTS5 index; the old tokens
 * (its words and its client's id) stay in the file until segments merge. `optimize` merges them
 * now, so erased data leaves no searchable trace. Run after rows are erased, not on every sync.
 */
export async function purgeDeletedSearchEntries(db: PrismaClient): Promise<void> {
  // PostgreSQL's search is an index over the rows themselves (docs/decisions/048): a deleted row's
  // entries go with it, and VACUUM reclaims the space as for any deleted row.
  if (dialectOfClient(db) === "postgres") return;
  for (const table of SEARCH_TABLES) await db.$executeRawUnsafe(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`);
}
