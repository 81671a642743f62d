-- CreateTable
CREATE TABLE "FlanksAccessToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenEnc" TEXT NOT NULL,
    "refreshAt" DATETIME NOT NULL,
    "fetchedAt" DATETIME NOT NULL
);

