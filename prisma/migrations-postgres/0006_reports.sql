-- migrate:up
-- The client's language, for the report (issue 20.3; SQLite 0018_reports). GENERATED: prisma migrate diff of the derived schema (README, PostgreSQL).
ALTER TABLE "Client" ADD COLUMN     "language" TEXT;

-- migrate:down
ALTER TABLE "Client" DROP COLUMN "language";
