-- AlterTable
ALTER TABLE "Connection" ADD COLUMN "bankName" TEXT;

