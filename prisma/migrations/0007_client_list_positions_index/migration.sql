-- CreateIndex
CREATE INDEX "WealthInvestment_clientId_currency_balanceMinor_idx" ON "WealthInvestment"("clientId", "currency", "balanceMinor");

