-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "anchorEnd" INTEGER,
ADD COLUMN     "anchorMethod" TEXT DEFAULT 'position',
ADD COLUMN     "anchorReason" TEXT,
ADD COLUMN     "anchorRevision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "anchorScore" DOUBLE PRECISION NOT NULL DEFAULT 1,
ADD COLUMN     "anchorStart" INTEGER,
ADD COLUMN     "anchorState" TEXT NOT NULL DEFAULT 'placed',
ADD COLUMN     "quoteEnd" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quoteExact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "quotePrefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "quoteStart" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quoteSuffix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "charsAdded" INTEGER NOT NULL DEFAULT 0,
    "charsRemoved" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing data: every article becomes its revision 1, every claim placed where it was marked in it.
INSERT INTO "ArticleRevision" ("id", "articleId", "number", "body", "text", "createdById", "createdAt")
SELECT 'rev1-' || "id", "id", 1, "body", "text", "createdById", "createdAt" FROM "Article";
UPDATE "Claim" SET
  "anchorStart" = "start", "anchorEnd" = "end",
  "quoteExact" = "exact", "quotePrefix" = "prefix", "quoteSuffix" = "suffix",
  "quoteStart" = "start", "quoteEnd" = "end";
