-- CreateTable
CREATE TABLE "RefusedLinkAttempt" (
    "day" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" DATETIME NOT NULL,

    PRIMARY KEY ("day", "reason")
);

