-- Per-article claim counts for the library's orders (decision 0021): kept by triggers on Article and
-- Claim, so "most claims" and "least progress" read this small table instead of grouping every
-- live claim per page. Raw SQL like the search objects (scripts/lib/search-objects.ts lists them;
-- a migration that redefines "Article" or "Claim" on SQLite drops these triggers and must create them again).
CREATE TABLE "search_article_counts" (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article" ("id") ON DELETE CASCADE,
    "createdAt" DATETIME NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "signedOff" INTEGER NOT NULL DEFAULT 0,
    "awaiting" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "search_article_counts_claims_idx" ON "search_article_counts" ("claims" DESC, "createdAt" DESC, "articleId");

INSERT INTO "search_article_counts" ("articleId", "createdAt", "claims", "signedOff", "awaiting")
SELECT a."id", a."createdAt",
    (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id" AND c."deletedAt" IS NULL),
    (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id" AND c."deletedAt" IS NULL AND c."reviewState" = 'signed_off'),
    (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id" AND c."deletedAt" IS NULL AND c."reviewState" = 'awaiting_review')
FROM "Article" a;

CREATE TRIGGER "search_counts_article_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "search_article_counts" ("articleId", "createdAt") VALUES (NEW."id", NEW."createdAt");
END;

CREATE TRIGGER "search_counts_claim_ai" AFTER INSERT ON "Claim" WHEN NEW."deletedAt" IS NULL BEGIN
    UPDATE "search_article_counts" SET "claims" = "claims" + 1,
        "signedOff" = "signedOff" + (NEW."reviewState" = 'signed_off'),
        "awaiting" = "awaiting" + (NEW."reviewState" = 'awaiting_review')
    WHERE "articleId" = NEW."articleId";
END;

CREATE TRIGGER "search_counts_claim_ad" AFTER DELETE ON "Claim" WHEN OLD."deletedAt" IS NULL BEGIN
    UPDATE "search_article_counts" SET "claims" = "claims" - 1,
        "signedOff" = "signedOff" - (OLD."reviewState" = 'signed_off'),
        "awaiting" = "awaiting" - (OLD."reviewState" = 'awaiting_review')
    WHERE "articleId" = OLD."articleId";
END;

CREATE TRIGGER "search_counts_claim_au" AFTER UPDATE OF "deletedAt", "reviewState", "articleId" ON "Claim" BEGIN
    UPDATE "search_article_counts" SET "claims" = "claims" - 1,
        "signedOff" = "signedOff" - (OLD."reviewState" = 'signed_off'),
        "awaiting" = "awaiting" - (OLD."reviewState" = 'awaiting_review')
    WHERE "articleId" = OLD."articleId" AND OLD."deletedAt" IS NULL;
    UPDATE "search_article_counts" SET "claims" = "claims" + 1,
        "signedOff" = "signedOff" + (NEW."reviewState" = 'signed_off'),
        "awaiting" = "awaiting" + (NEW."reviewState" = 'awaiting_review')
    WHERE "articleId" = NEW."articleId" AND NEW."deletedAt" IS NULL;
END;
