-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "connectionId" TEXT,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "usedAt" DATETIME,
    "consentAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "invitationId" TEXT,
    "bank" TEXT NOT NULL,
    "linkToken" TEXT NOT NULL,
    "credentialsTokenEnc" TEXT,
    "credentialsTokenHash" TEXT,
    "state" TEXT NOT NULL,
    "stateSince" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pending" BOOLEAN NOT NULL DEFAULT true,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "scaTokenEnc" TEXT,
    "resetTokenEnc" TEXT,
    "lastUpdate" TEXT,
    "lastUpdateAt" DATETIME,
    "erroredProducts" TEXT NOT NULL DEFAULT '[]',
    "createdProducts" TEXT NOT NULL DEFAULT '[]',
    "statusJson" TEXT,
    "statusCheckedAt" DATETIME,
    "statusError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Connection_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkCodeExchange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "invitationId" TEXT,
    "connectionId" TEXT,
    "codeEnc" TEXT,
    "extraJson" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LinkCodeExchange_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_reference_key" ON "Invitation"("reference");

-- CreateIndex
CREATE INDEX "Invitation_clientId_createdAt_idx" ON "Invitation"("clientId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Connection_credentialsTokenHash_key" ON "Connection"("credentialsTokenHash");

-- CreateIndex
CREATE INDEX "Connection_clientId_idx" ON "Connection"("clientId");

-- CreateIndex
CREATE INDEX "Connection_state_idx" ON "Connection"("state");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCodeExchange_codeHash_key" ON "LinkCodeExchange"("codeHash");

-- CreateIndex
CREATE INDEX "LinkCodeExchange_status_idx" ON "LinkCodeExchange"("status");

