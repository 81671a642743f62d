-- migrate:up
-- GENERATED: prisma migrate diff --from-empty --to-schema-datamodel prisma/postgres/schema.prisma --script (scripts/new-postgres-migration.ts).


-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADVISOR', 'ADMIN');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'ADVISOR',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "externalRef" TEXT,
    "advisorId" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "connectionId" TEXT,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "usedAt" TIMESTAMPTZ(3),
    "consentAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "invitationId" TEXT,
    "bank" TEXT NOT NULL,
    "bankName" TEXT,
    "linkToken" TEXT NOT NULL,
    "credentialsTokenEnc" TEXT,
    "credentialsTokenHash" TEXT,
    "state" TEXT NOT NULL,
    "stateSince" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pending" BOOLEAN NOT NULL DEFAULT true,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "scaTokenEnc" TEXT,
    "resetTokenEnc" TEXT,
    "lastUpdate" TEXT,
    "lastUpdateAt" TIMESTAMPTZ(3),
    "erroredProducts" TEXT NOT NULL DEFAULT '[]',
    "createdProducts" TEXT NOT NULL DEFAULT '[]',
    "statusJson" TEXT,
    "statusCheckedAt" TIMESTAMPTZ(3),
    "statusError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCodeExchange" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "invitationId" TEXT,
    "connectionId" TEXT,
    "codeEnc" TEXT,
    "extraJson" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LinkCodeExchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefusedLinkAttempt" (
    "day" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RefusedLinkAttempt_pkey" PRIMARY KEY ("day","reason")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    "isRefusalRecorded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "requestId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "progressJson" TEXT NOT NULL DEFAULT '{}',
    "countsJson" TEXT NOT NULL DEFAULT '{}',
    "keptJson" TEXT NOT NULL DEFAULT '{}',
    "setAsideJson" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "requestedById" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthSyncState" (
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "lastSyncedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSyncRunId" TEXT NOT NULL,
    "dataAsOf" TEXT,
    "dataAsOfAt" TIMESTAMPTZ(3),
    "productsJson" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "WealthSyncState_pkey" PRIMARY KEY ("connectionId")
);

-- CreateTable
CREATE TABLE "WealthSetAsideRecord" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "syncRunId" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "recordId" TEXT,
    "position" INTEGER NOT NULL,
    "issuesJson" TEXT NOT NULL,
    "recordJson" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WealthSetAsideRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthIdentity" (
    "connectionId" TEXT NOT NULL,
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

    CONSTRAINT "WealthIdentity_pkey" PRIMARY KEY ("connectionId")
);

-- CreateTable
CREATE TABLE "WealthHolder" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rel" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "WealthHolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthAccount" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthAccountTransaction" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthAccountTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthCard" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthCardTransaction" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthCardTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthPortfolio" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthPortfolio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthInvestment" (
    "id" TEXT NOT NULL,
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
    "performance" DOUBLE PRECISION,
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

    CONSTRAINT "WealthInvestment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthInvestmentTransaction" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "flanksId" TEXT NOT NULL,
    "investmentId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "isin" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "amountNum" DOUBLE PRECISION NOT NULL,
    "unitPrice" TEXT NOT NULL,
    "netCashMinor" BIGINT NOT NULL,
    "commissionMinor" BIGINT,
    "currency" TEXT NOT NULL,
    "symb" TEXT NOT NULL,
    "operationDate" TEXT NOT NULL,
    "valueDate" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "WealthInvestmentTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthLiability" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthLiability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthLiabilityTransaction" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "WealthLiabilityTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthMifidAnswer" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answersJson" TEXT NOT NULL,
    "extraJson" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "WealthMifidAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WealthSnapshot" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "assetsMinor" BIGINT NOT NULL,
    "liabilitiesMinor" BIGINT NOT NULL,
    "byTypeJson" TEXT NOT NULL DEFAULT '{}',
    "takenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WealthSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Client_advisorId_archived_displayName_idx" ON "Client"("advisorId", "archived", "displayName");

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

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "SyncRun_connectionId_startedAt_idx" ON "SyncRun"("connectionId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_clientId_startedAt_idx" ON "SyncRun"("clientId", "startedAt");

-- CreateIndex
CREATE INDEX "WealthSyncState_clientId_idx" ON "WealthSyncState"("clientId");

-- CreateIndex
CREATE INDEX "WealthSetAsideRecord_connectionId_product_idx" ON "WealthSetAsideRecord"("connectionId", "product");

-- CreateIndex
CREATE INDEX "WealthSetAsideRecord_clientId_idx" ON "WealthSetAsideRecord"("clientId");

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
CREATE INDEX "WealthAccountTransaction_clientId_accountId_operationDate_i_idx" ON "WealthAccountTransaction"("clientId", "accountId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_amountMinor_id_idx" ON "WealthAccountTransaction"("clientId", "amountMinor", "id");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_valueDate_id_idx" ON "WealthAccountTransaction"("clientId", "valueDate", "id");

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
CREATE INDEX "WealthInvestment_clientId_currency_balanceMinor_idx" ON "WealthInvestment"("clientId", "currency", "balanceMinor");

-- CreateIndex
CREATE INDEX "WealthInvestment_connectionId_idx" ON "WealthInvestment"("connectionId");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_clientId_operationDate_id_idx" ON "WealthInvestmentTransaction"("clientId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthInvestmentTransaction_clientId_investmentId_operation_idx" ON "WealthInvestmentTransaction"("clientId", "investmentId", "operationDate");

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
CREATE INDEX "WealthLiabilityTransaction_clientId_liabilityId_operationDa_idx" ON "WealthLiabilityTransaction"("clientId", "liabilityId", "operationDate");

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

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_advisorId_fkey" FOREIGN KEY ("advisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCodeExchange" ADD CONSTRAINT "LinkCodeExchange_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthSyncState" ADD CONSTRAINT "WealthSyncState_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthSetAsideRecord" ADD CONSTRAINT "WealthSetAsideRecord_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthIdentity" ADD CONSTRAINT "WealthIdentity_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthHolder" ADD CONSTRAINT "WealthHolder_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthAccount" ADD CONSTRAINT "WealthAccount_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthAccountTransaction" ADD CONSTRAINT "WealthAccountTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthCard" ADD CONSTRAINT "WealthCard_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthCardTransaction" ADD CONSTRAINT "WealthCardTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthPortfolio" ADD CONSTRAINT "WealthPortfolio_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthInvestment" ADD CONSTRAINT "WealthInvestment_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthInvestmentTransaction" ADD CONSTRAINT "WealthInvestmentTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthLiability" ADD CONSTRAINT "WealthLiability_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthLiabilityTransaction" ADD CONSTRAINT "WealthLiabilityTransaction_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthMifidAnswer" ADD CONSTRAINT "WealthMifidAnswer_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WealthSnapshot" ADD CONSTRAINT "WealthSnapshot_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- migrate:down
