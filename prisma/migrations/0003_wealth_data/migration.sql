-- CreateTable
CREATE TABLE "SyncRun" (
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
    "error" TEXT,
    "requestedById" TEXT,
    CONSTRAINT "SyncRun_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthSyncState" (
    "connectionId" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "lastSyncedAt" DATETIME NOT NULL,
    "lastSyncRunId" TEXT NOT NULL,
    "dataAsOf" TEXT,
    "dataAsOfAt" DATETIME,
    "productsJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthSyncState_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthIdentity" (
    "connectionId" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "name" TEXT,
    "fullName" TEXT,
    "surname1" TEXT,
    "surname2" TEXT,
    "birthDate" TEXT,
    "identityDocument" TEXT,
    "gender" TEXT,
    "occupation" TEXT,
    "sector" TEXT,
    "addressJson" TEXT,
    "contactInfoJson" TEXT NOT NULL DEFAULT '[]',
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthIdentity_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthHolder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rel" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthHolder_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "description" TEXT,
    "balanceMinor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "isOwner" BOOLEAN,
    "numOwners" INTEGER NOT NULL,
    "ownersJson" TEXT NOT NULL DEFAULT '[]',
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthAccount_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthAccountTransaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "balanceMinor" BIGINT,
    "currency" TEXT NOT NULL,
    "operationDate" TEXT NOT NULL,
    "valueDate" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT,
    "type" TEXT,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthAccountTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "product" TEXT,
    "contractNumber" TEXT,
    "pan" TEXT NOT NULL,
    "cardType" TEXT NOT NULL,
    "emissionDate" TEXT,
    "expirationDate" TEXT,
    "availableMinor" BIGINT,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthCard_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthCardTransaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "commissionMinor" BIGINT,
    "currency" TEXT NOT NULL,
    "operationDate" TEXT NOT NULL,
    "valueDate" TEXT NOT NULL,
    "shop" TEXT,
    "category" TEXT,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthCardTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthPortfolio" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT,
    "currency" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "balanceMinor" BIGINT NOT NULL,
    "refValores" TEXT,
    "refAccount" TEXT,
    "ownersJson" TEXT NOT NULL DEFAULT '[]',
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthPortfolio_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthInvestment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "portfolioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isin" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "sybtype" TEXT,
    "entity" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "quantity" TEXT NOT NULL,
    "isNominal" BOOLEAN NOT NULL,
    "price" TEXT,
    "balanceMinor" BIGINT NOT NULL,
    "costMinor" BIGINT,
    "capitalGainMinor" BIGINT,
    "performance" REAL,
    "performanceJson" TEXT,
    "analyticsJson" TEXT,
    "cnmvJson" TEXT,
    "dgsJson" TEXT,
    "interestJson" TEXT,
    "countryModelJson" TEXT NOT NULL DEFAULT '[]',
    "detailJson" TEXT,
    "market" TEXT,
    "operatingMarket" TEXT,
    "initialDate" TEXT,
    "valuationDate" TEXT,
    "expirationDate" TEXT,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthInvestment_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthInvestmentTransaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "investmentId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "isin" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "amountNum" REAL NOT NULL,
    "unitPrice" TEXT NOT NULL,
    "netCashMinor" BIGINT NOT NULL,
    "commissionMinor" BIGINT,
    "currency" TEXT NOT NULL,
    "symb" TEXT NOT NULL,
    "operationDate" TEXT NOT NULL,
    "valueDate" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthInvestmentTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthLiability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subtype" TEXT,
    "entity" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "balanceMinor" BIGINT NOT NULL,
    "availableMinor" BIGINT,
    "initialCapitalMinor" BIGINT,
    "initialCapitalCurrency" TEXT,
    "limitMinor" BIGINT,
    "openingDate" TEXT,
    "expirationDate" TEXT,
    "periodicity" TEXT,
    "interestJson" TEXT,
    "contractNumber" TEXT,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthLiability_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthLiabilityTransaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "liabilityId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "balanceMinor" BIGINT NOT NULL,
    "balanceCurrency" TEXT NOT NULL,
    "interestMinor" BIGINT,
    "commissionMinor" BIGINT,
    "description" TEXT NOT NULL,
    "type" TEXT,
    "operationDate" TEXT NOT NULL,
    "valueDate" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthLiabilityTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthMifidAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answersJson" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "WealthMifidAnswer_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WealthSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "assetsMinor" BIGINT NOT NULL,
    "liabilitiesMinor" BIGINT NOT NULL,
    "byTypeJson" TEXT NOT NULL DEFAULT '{}',
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WealthSnapshot_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SyncRun_connectionId_startedAt_idx" ON "SyncRun"("connectionId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_clientId_startedAt_idx" ON "SyncRun"("clientId", "startedAt");

-- CreateIndex
CREATE INDEX "WealthSyncState_clientId_idx" ON "WealthSyncState"("clientId");

-- CreateIndex
CREATE INDEX "WealthIdentity_clientId_idx" ON "WealthIdentity"("clientId");

-- CreateIndex
CREATE INDEX "WealthHolder_clientId_productId_idx" ON "WealthHolder"("clientId", "productId");

-- CreateIndex
CREATE INDEX "WealthHolder_connectionId_idx" ON "WealthHolder"("connectionId");

-- CreateIndex
CREATE INDEX "WealthAccount_clientId_iban_idx" ON "WealthAccount"("clientId", "iban");

-- CreateIndex
CREATE INDEX "WealthAccount_connectionId_idx" ON "WealthAccount"("connectionId");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_operationDate_id_idx" ON "WealthAccountTransaction"("clientId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_accountId_operationDate_idx" ON "WealthAccountTransaction"("clientId", "accountId", "operationDate");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_amountMinor_idx" ON "WealthAccountTransaction"("clientId", "amountMinor");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_valueDate_idx" ON "WealthAccountTransaction"("clientId", "valueDate");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_connectionId_idx" ON "WealthAccountTransaction"("connectionId");

-- CreateIndex
CREATE INDEX "WealthCard_clientId_idx" ON "WealthCard"("clientId");

-- CreateIndex
CREATE INDEX "WealthCard_connectionId_idx" ON "WealthCard"("connectionId");

-- CreateIndex
CREATE INDEX "WealthCardTransaction_clientId_operationDate_id_idx" ON "WealthCardTransaction"("clientId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthCardTransaction_clientId_cardId_operationDate_idx" ON "WealthCardTransaction"("clientId", "cardId", "operationDate");

-- CreateIndex
CREATE INDEX "WealthCardTransaction_clientId_amountMinor_idx" ON "WealthCardTransaction"("clientId", "amountMinor");

-- CreateIndex
CREATE INDEX "WealthCardTransaction_connectionId_idx" ON "WealthCardTransaction"("connectionId");

-- CreateIndex
CREATE INDEX "WealthPortfolio_clientId_idx" ON "WealthPortfolio"("clientId");

-- CreateIndex
CREATE INDEX "WealthPortfolio_connectionId_idx" ON "WealthPortfolio"("connectionId");

-- CreateIndex
CREATE INDEX "WealthInvestment_clientId_type_idx" ON "WealthInvestment"("clientId", "type");

-- CreateIndex
CREATE INDEX "WealthInvestment_connectionId_idx" ON "WealthInvestment"("connectionId");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_clientId_operationDate_id_idx" ON "WealthInvestmentTransaction"("clientId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_clientId_investmentId_operationDate_idx" ON "WealthInvestmentTransaction"("clientId", "investmentId", "operationDate");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_clientId_netCashMinor_idx" ON "WealthInvestmentTransaction"("clientId", "netCashMinor");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_connectionId_idx" ON "WealthInvestmentTransaction"("connectionId");

-- CreateIndex
CREATE INDEX "WealthLiability_clientId_idx" ON "WealthLiability"("clientId");

-- CreateIndex
CREATE INDEX "WealthLiability_connectionId_idx" ON "WealthLiability"("connectionId");

-- CreateIndex
CREATE INDEX "WealthLiabilityTransaction_clientId_operationDate_id_idx" ON "WealthLiabilityTransaction"("clientId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthLiabilityTransaction_clientId_liabilityId_operationDate_idx" ON "WealthLiabilityTransaction"("clientId", "liabilityId", "operationDate");

-- CreateIndex
CREATE INDEX "WealthLiabilityTransaction_clientId_amountMinor_idx" ON "WealthLiabilityTransaction"("clientId", "amountMinor");

-- CreateIndex
CREATE INDEX "WealthLiabilityTransaction_connectionId_idx" ON "WealthLiabilityTransaction"("connectionId");

-- CreateIndex
CREATE INDEX "WealthMifidAnswer_clientId_idx" ON "WealthMifidAnswer"("clientId");

-- CreateIndex
CREATE INDEX "WealthMifidAnswer_connectionId_idx" ON "WealthMifidAnswer"("connectionId");

-- CreateIndex
CREATE INDEX "WealthSnapshot_clientId_day_idx" ON "WealthSnapshot"("clientId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "WealthSnapshot_connectionId_day_currency_key" ON "WealthSnapshot"("connectionId", "day", "currency");

