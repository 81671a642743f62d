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
 * The words of a search as a PostgreSQL tsquery: every word as a prefix (`'word':*`), all of them
 * required, as textSearchMatch asks FTS5. Each word is folded as the indexed text is (accents
 * removed, lower case, cut at anything not a letter or digit), or null when nothing is left.
 */
export function postgresPrefixQuery(q: string): string | null {
  const words = q
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  return words.length ? words.map((word) => `'${word}':*`).join(" & ") : null;
}
