-- DropIndex
DROP INDEX "WealthAccountTransaction_clientId_accountId_operationDate_idx";

-- DropIndex
DROP INDEX "WealthAccountTransaction_clientId_amountMinor_idx";

-- DropIndex
DROP INDEX "WealthAccountTransaction_clientId_valueDate_idx";

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_accountId_operationDate_id_idx" ON "WealthAccountTransaction"("clientId", "accountId", "operationDate", "id");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_amountMinor_id_idx" ON "WealthAccountTransaction"("clientId", "amountMinor", "id");

-- CreateIndex
CREATE INDEX "WealthAccountTransaction_clientId_valueDate_id_idx" ON "WealthAccountTransaction"("clientId", "valueDate", "id");

