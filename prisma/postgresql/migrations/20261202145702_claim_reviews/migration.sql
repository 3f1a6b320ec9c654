-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "reviewAt" TIMESTAMP(3),
ADD COLUMN     "reviewById" TEXT,
ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "reviewState" TEXT NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "claimVersion" INTEGER NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Review_claimId_createdAt_idx" ON "Review"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE INDEX "Claim_reviewState_authorId_idx" ON "Claim"("reviewState", "authorId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_reviewById_fkey" FOREIGN KEY ("reviewById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Claims rated before reviews existed wait for a second editor, as every verdict now does (decision 0015).
UPDATE "Claim" SET "reviewState" = 'awaiting_review', "reviewAt" = "updatedAt" WHERE "status" <> 'UNVERIFIED' AND "deletedAt" IS NULL;
