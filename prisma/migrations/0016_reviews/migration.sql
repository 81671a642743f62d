-- CreateTable
CREATE TABLE "ClientReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "householdId" TEXT,
    "reviewDay" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshotJson" TEXT NOT NULL,
    CONSTRAINT "ClientReview_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "positionChangePercent" INTEGER NOT NULL,
    "largeMovementMinor" BIGINT NOT NULL,
    "largeMovementCurrency" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ClientReview_clientId_createdAt_idx" ON "ClientReview"("clientId", "createdAt");

