-- AlterTable
ALTER TABLE "User" ADD COLUMN "concentrationLimitPct" INTEGER;

-- CreateTable
CREATE TABLE "InvestmentProfile" (
    "clientId" TEXT NOT NULL PRIMARY KEY,
    "riskLevel" INTEGER NOT NULL,
    "familiesJson" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InvestmentProfile_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

