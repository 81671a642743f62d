// The ledgers' text search, as SQL for each database (docs/decisions/048-postgres-raw-sql-and-search.md).
import type { TLedgerKind } from "./ledger-query";

/**
 * The text each transaction table is searched by: the same expressions as SQLite's FTS5 triggers
 * (prisma/migrations/0006_transaction_search) and PostgreSQL's GIN indexes
 * (prisma/migrations-postgres/0002_transaction_search_and_audit_append_only.sql), character for
 * character: PostgreSQL uses an expression index only for the very expression it indexes.
 */
export const SEARCH_TEXT: Record<TLedgerKind, string> = {
  account: `"description" || ' ' || coalesce("category", '')`,
  card: `coalesce("shop", '') || ' ' || coalesce("category", '')`,
  investment: `"description" || ' ' || "isin"`,
  liability: `"description"`,
};

/** The indexed tsvector of a row of this kind (PostgreSQL). */
export function postgresSearchVector(kind: TLedgerKind): string {
  return `to_tsvector('simple'::regconfig, "patrimonio_search_text"(${SEARCH_TEXT[kind]}))`;
}

/**
 * The words of a search for PostgreSQL, folded as far as JavaScript folds them as the indexed text is (accents
 * removed, lower case, cut at anything not a letter or digit), or null when nothing is left. The database folds them
 * the rest of the way (list-transactions' tsquery): unaccent also spells out letters that have no accent to remove
 * (ß → ss, æ → ae, ø → o), and only its own rules turn a search the way they turned the index.
 */
export function postgresSearchWords(q: string): string | null {
  const words = q
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  return words.length ? words.join(" ") : null;
}
