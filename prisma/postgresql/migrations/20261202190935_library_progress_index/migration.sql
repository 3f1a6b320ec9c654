-- CreateIndex
CREATE INDEX "Claim_articleId_deletedAt_reviewState_idx" ON "Claim"("articleId", "deletedAt", "reviewState");

