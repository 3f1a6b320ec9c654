-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "charsAdded" INTEGER NOT NULL DEFAULT 0,
    "charsRemoved" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "url" TEXT,
    "publishedAt" DATETIME,
    "body" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "claimSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("author", "body", "claimSeq", "createdAt", "createdById", "id", "outlet", "publishedAt", "text", "title", "updatedAt", "url") SELECT "author", "body", "claimSeq", "createdAt", "createdById", "id", "outlet", "publishedAt", "text", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_createdAt_idx" ON "Article"("createdAt");
CREATE INDEX "Article_createdById_idx" ON "Article"("createdById");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("articleId", "authorId", "changeSeq", "createdAt", "deletedAt", "end", "exact", "id", "note", "prefix", "start", "status", "suffix", "updatedAt", "version") SELECT "articleId", "authorId", "changeSeq", "createdAt", "deletedAt", "end", "exact", "id", "note", "prefix", "start", "status", "suffix", "updatedAt", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_articleId_deletedAt_idx" ON "Claim"("articleId", "deletedAt");
CREATE INDEX "Claim_articleId_changeSeq_idx" ON "Claim"("articleId", "changeSeq");
CREATE INDEX "Claim_authorId_idx" ON "Claim"("authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");


-- Existing data: every article becomes its revision 1, every claim placed where it was marked in it.
INSERT INTO "ArticleRevision" ("id", "articleId", "number", "body", "text", "createdById", "createdAt")
SELECT 'rev1-' || "id", "id", 1, "body", "text", "createdById", "createdAt" FROM "Article";
UPDATE "Claim" SET
  "anchorStart" = "start", "anchorEnd" = "end",
  "quoteExact" = "exact", "quotePrefix" = "prefix", "quoteSuffix" = "suffix",
  "quoteStart" = "start", "quoteEnd" = "end";
