-- CreateTable
CREATE TABLE "WealthSetAsideRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "syncRunId" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "recordId" TEXT,
    "position" INTEGER NOT NULL,
    "issuesJson" TEXT NOT NULL,
    "recordJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "WealthSetAsideRecord_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "progressJson" TEXT NOT NULL DEFAULT '{}',
    "countsJson" TEXT NOT NULL DEFAULT '{}',
    "keptJson" TEXT NOT NULL DEFAULT '{}',
    "setAsideJson" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "requestedById" TEXT,
    CONSTRAINT "SyncRun_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SyncRun" ("clientId", "connectionId", "countsJson", "error", "finishedAt", "id", "keptJson", "progressJson", "reason", "requestedById", "startedAt", "status") SELECT "clientId", "connectionId", "countsJson", "error", "finishedAt", "id", "keptJson", "progressJson", "reason", "requestedById", "startedAt", "status" FROM "SyncRun";
DROP TABLE "SyncRun";
ALTER TABLE "new_SyncRun" RENAME TO "SyncRun";
CREATE INDEX "SyncRun_connectionId_startedAt_idx" ON "SyncRun"("connectionId", "startedAt");
CREATE INDEX "SyncRun_clientId_startedAt_idx" ON "SyncRun"("clientId", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WealthSetAsideRecord_connectionId_product_idx" ON "WealthSetAsideRecord"("connectionId", "product");

-- CreateIndex
CREATE INDEX "WealthSetAsideRecord_clientId_idx" ON "WealthSetAsideRecord"("clientId");

