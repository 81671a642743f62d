-- AlterTable
ALTER TABLE "User" ADD COLUMN "baseCurrency" TEXT;

-- CreateTable
CREATE TABLE "FxRate" (
    "day" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "perEuro" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("day", "currency")
);

-- CreateIndex
CREATE INDEX "FxRate_currency_day_idx" ON "FxRate"("currency", "day");

