-- migrate:up
-- Insights (issue 20.2, SQLite 0017): the advisor's concentration limit and each client's investment profile.
-- GENERATED: prisma migrate diff of the derived schema (README, PostgreSQL).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "concentrationLimitPct" INTEGER;

-- CreateTable
CREATE TABLE "InvestmentProfile" (
    "clientId" TEXT NOT NULL,
    "riskLevel" INTEGER NOT NULL,
    "familiesJson" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvestmentProfile_pkey" PRIMARY KEY ("clientId")
);

-- AddForeignKey
ALTER TABLE "InvestmentProfile" ADD CONSTRAINT "InvestmentProfile_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- migrate:down
DROP TABLE "InvestmentProfile";
ALTER TABLE "User" DROP COLUMN "concentrationLimitPct";
