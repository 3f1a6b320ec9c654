-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "claimVersion" INTEGER NOT NULL,
    "supersededAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "anchorState" TEXT NOT NULL DEFAULT 'placed',
    "anchorRevision" INTEGER NOT NULL DEFAULT 1,
    "anchorStart" INTEGER,
    "anchorEnd" INTEGER,
    "anchorMethod" TEXT DEFAULT 'position',
    "anchorScore" REAL NOT NULL DEFAULT 1,
    "anchorReason" TEXT,
    "quoteExact" TEXT NOT NULL DEFAULT '',
    "quotePrefix" TEXT NOT NULL DEFAULT '',
    "quoteSuffix" TEXT NOT NULL DEFAULT '',
    "quoteStart" INTEGER NOT NULL DEFAULT 0,
    "quoteEnd" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'UNVERIFIED',
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "changeSeq" INTEGER NOT NULL DEFAULT 0,
    "reviewState" TEXT NOT NULL DEFAULT 'none',
    "reviewById" TEXT,
    "reviewAt" DATETIME,
    "reviewComment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_reviewById_fkey" FOREIGN KEY ("reviewById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("anchorEnd", "anchorMethod", "anchorReason", "anchorRevision", "anchorScore", "anchorStart", "anchorState", "articleId", "authorId", "changeSeq", "createdAt", "deletedAt", "end", "exact", "id", "note", "prefix", "quoteEnd", "quoteExact", "quotePrefix", "quoteStart", "quoteSuffix", "revision", "start", "status", "suffix", "updatedAt", "version") SELECT "anchorEnd", "anchorMethod", "anchorReason", "anchorRevision", "anchorScore", "anchorStart", "anchorState", "articleId", "authorId", "changeSeq", "createdAt", "deletedAt", "end", "exact", "id", "note", "prefix", "quoteEnd", "quoteExact", "quotePrefix", "quoteStart", "quoteSuffix", "revision", "start", "status", "suffix", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_articleId_deletedAt_idx" ON "Claim"("articleId", "deletedAt");
CREATE INDEX "Claim_articleId_changeSeq_idx" ON "Claim"("articleId", "changeSeq");
CREATE INDEX "Claim_authorId_idx" ON "Claim"("authorId");
CREATE INDEX "Claim_reviewState_authorId_idx" ON "Claim"("reviewState", "authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Review_claimId_createdAt_idx" ON "Review"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");


-- Claims rated before reviews existed wait for a second editor, as every verdict now does (decision 0015).
UPDATE "Claim" SET "reviewState" = 'awaiting_review', "reviewAt" = "updatedAt" WHERE "status" <> 'UNVERIFIED' AND "deletedAt" IS NULL;
