-- migrate:up
-- What Prisma does not model, as SQLite's migrations 0001 (append-only audit triggers) and 0006
-- (FTS5 search tables) do it there. docs/decisions/048-postgres-raw-sql-and-search.md.

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "AuditEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only';
END $$;
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();

-- The ledgers' text filter: word-prefix matching, case- and accent-insensitive, as SQLite's FTS5
-- tables with unicode61 remove_diacritics 2. The text is unaccented, lowercased and cut into words
-- at every character that is not a letter or digit (as unicode61 cuts it), then indexed with the
-- 'simple' configuration (no stemming, no stop words): the same rows match as on SQLite.
-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
-- unaccent(text) is only STABLE (its dictionary could be changed); pinned to this dictionary the
-- function is IMMUTABLE, which an index expression requires.
CREATE FUNCTION "patrimonio_search_text"(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT lower(regexp_replace(public.unaccent('public.unaccent'::regdictionary, value), '[^[:alnum:]]+', ' ', 'g'))
$$;

-- One GIN index per transaction table over the same expression lib/services/wealth/transaction-search.ts queries.
-- Kept in step by PostgreSQL itself (an expression index): no triggers, no copy of the text.
CREATE INDEX "WealthAccountTransaction_search_idx" ON "WealthAccountTransaction"
  USING gin (to_tsvector('simple'::regconfig, "patrimonio_search_text"("description" || ' ' || coalesce("category", ''))));
CREATE INDEX "WealthCardTransaction_search_idx" ON "WealthCardTransaction"
  USING gin (to_tsvector('simple'::regconfig, "patrimonio_search_text"(coalesce("shop", '') || ' ' || coalesce("category", ''))));
CREATE INDEX "WealthInvestmentTransaction_search_idx" ON "WealthInvestmentTransaction"
  USING gin (to_tsvector('simple'::regconfig, "patrimonio_search_text"("description" || ' ' || "isin")));
CREATE INDEX "WealthLiabilityTransaction_search_idx" ON "WealthLiabilityTransaction"
  USING gin (to_tsvector('simple'::regconfig, "patrimonio_search_text"("description")));

-- migrate:down
