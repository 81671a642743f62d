-- migrate:up
-- Reviews (issue 20.1, docs/decisions/053; SQLite 0016): each review of a client with its snapshot, and each advisor's
-- review thresholds. GENERATED: prisma migrate diff of the derived schema (README, PostgreSQL).
-- CreateTable
CREATE TABLE "ClientReview" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "householdId" TEXT,
    "reviewDay" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshotJson" TEXT NOT NULL,

    CONSTRAINT "ClientReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "userId" TEXT NOT NULL,
    "positionChangePercent" INTEGER NOT NULL,
    "largeMovementMinor" BIGINT NOT NULL,
    "largeMovementCurrency" TEXT NOT NULL,

    CONSTRAINT "ReviewSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ClientReview_clientId_createdAt_idx" ON "ClientReview"("clientId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClientReview" ADD CONSTRAINT "ClientReview_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- migrate:down
DROP TABLE "ClientReview";
DROP TABLE "ReviewSettings";
