-- The language of what the client receives (the report, issue 20.3); null: the advisor's.
-- AlterTable
ALTER TABLE "Client" ADD COLUMN "language" TEXT;

