-- The ledgers' text filter ("q") as full-text search: one FTS5 index per transaction table, kept in
-- step by triggers, so the sync's raw inserts and deletes and Connection's ON DELETE CASCADE need no
-- change. Prisma does not model virtual tables: lib/services/wealth/list-transactions.ts queries them
-- with raw SQL. It replaces LIKE '%q%', which read every row of the client (a rare word among 100 000
-- rows: ~0.5 s), with word-prefix matching, case- and accent-insensitive.
--
-- "clientId" is indexed too: a match for one client (clientId : "…" AND text : …) reads that
-- client's postings only, not those of every client whose rows contain the word.
-- Contentless (content=''): the index keeps tokens per rowid of the transaction row, no copy of the
-- text. A delete hands the old values back (the 'delete' command), which cost the sync's 100 000-row
-- replace less than contentless_delete=1, whose deletes look each rowid up in the index.
-- The SQLite docs allow VACUUM to renumber implicit rowids; the app never runs it. After a VACUUM,
-- rebuild each index: drop it and its triggers and run its statements below again.

-- WealthAccountTransaction
CREATE VIRTUAL TABLE "WealthAccountTransactionSearch" USING fts5("clientId", "text", content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "WealthAccountTransactionSearch" (rowid, "clientId", "text") SELECT rowid, "clientId", "description" || ' ' || coalesce("category", '') FROM "WealthAccountTransaction";
CREATE TRIGGER "WealthAccountTransaction_search_insert" AFTER INSERT ON "WealthAccountTransaction" BEGIN
  INSERT INTO "WealthAccountTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description" || ' ' || coalesce(new."category", ''));
END;
CREATE TRIGGER "WealthAccountTransaction_search_delete" AFTER DELETE ON "WealthAccountTransaction" BEGIN
  INSERT INTO "WealthAccountTransactionSearch" ("WealthAccountTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description" || ' ' || coalesce(old."category", ''));
END;
CREATE TRIGGER "WealthAccountTransaction_search_update" AFTER UPDATE OF "clientId", "description", "category" ON "WealthAccountTransaction" BEGIN
  INSERT INTO "WealthAccountTransactionSearch" ("WealthAccountTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description" || ' ' || coalesce(old."category", ''));
  INSERT INTO "WealthAccountTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description" || ' ' || coalesce(new."category", ''));
END;

-- WealthCardTransaction
CREATE VIRTUAL TABLE "WealthCardTransactionSearch" USING fts5("clientId", "text", content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "WealthCardTransactionSearch" (rowid, "clientId", "text") SELECT rowid, "clientId", coalesce("shop", '') || ' ' || coalesce("category", '') FROM "WealthCardTransaction";
CREATE TRIGGER "WealthCardTransaction_search_insert" AFTER INSERT ON "WealthCardTransaction" BEGIN
  INSERT INTO "WealthCardTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", coalesce(new."shop", '') || ' ' || coalesce(new."category", ''));
END;
CREATE TRIGGER "WealthCardTransaction_search_delete" AFTER DELETE ON "WealthCardTransaction" BEGIN
  INSERT INTO "WealthCardTransactionSearch" ("WealthCardTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", coalesce(old."shop", '') || ' ' || coalesce(old."category", ''));
END;
CREATE TRIGGER "WealthCardTransaction_search_update" AFTER UPDATE OF "clientId", "shop", "category" ON "WealthCardTransaction" BEGIN
  INSERT INTO "WealthCardTransactionSearch" ("WealthCardTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", coalesce(old."shop", '') || ' ' || coalesce(old."category", ''));
  INSERT INTO "WealthCardTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", coalesce(new."shop", '') || ' ' || coalesce(new."category", ''));
END;

-- WealthInvestmentTransaction
CREATE VIRTUAL TABLE "WealthInvestmentTransactionSearch" USING fts5("clientId", "text", content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "WealthInvestmentTransactionSearch" (rowid, "clientId", "text") SELECT rowid, "clientId", "description" || ' ' || "isin" FROM "WealthInvestmentTransaction";
CREATE TRIGGER "WealthInvestmentTransaction_search_insert" AFTER INSERT ON "WealthInvestmentTransaction" BEGIN
  INSERT INTO "WealthInvestmentTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description" || ' ' || new."isin");
END;
CREATE TRIGGER "WealthInvestmentTransaction_search_delete" AFTER DELETE ON "WealthInvestmentTransaction" BEGIN
  INSERT INTO "WealthInvestmentTransactionSearch" ("WealthInvestmentTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description" || ' ' || old."isin");
END;
CREATE TRIGGER "WealthInvestmentTransaction_search_update" AFTER UPDATE OF "clientId", "description", "isin" ON "WealthInvestmentTransaction" BEGIN
  INSERT INTO "WealthInvestmentTransactionSearch" ("WealthInvestmentTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description" || ' ' || old."isin");
  INSERT INTO "WealthInvestmentTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description" || ' ' || new."isin");
END;

-- WealthLiabilityTransaction
CREATE VIRTUAL TABLE "WealthLiabilityTransactionSearch" USING fts5("clientId", "text", content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO "WealthLiabilityTransactionSearch" (rowid, "clientId", "text") SELECT rowid, "clientId", "description" FROM "WealthLiabilityTransaction";
CREATE TRIGGER "WealthLiabilityTransaction_search_insert" AFTER INSERT ON "WealthLiabilityTransaction" BEGIN
  INSERT INTO "WealthLiabilityTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description");
END;
CREATE TRIGGER "WealthLiabilityTransaction_search_delete" AFTER DELETE ON "WealthLiabilityTransaction" BEGIN
  INSERT INTO "WealthLiabilityTransactionSearch" ("WealthLiabilityTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description");
END;
CREATE TRIGGER "WealthLiabilityTransaction_search_update" AFTER UPDATE OF "clientId", "description" ON "WealthLiabilityTransaction" BEGIN
  INSERT INTO "WealthLiabilityTransactionSearch" ("WealthLiabilityTransactionSearch", rowid, "clientId", "text") VALUES ('delete', old.rowid, old."clientId", old."description");
  INSERT INTO "WealthLiabilityTransactionSearch" (rowid, "clientId", "text") VALUES (new.rowid, new."clientId", new."description");
END;
