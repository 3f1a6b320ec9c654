-- Per-article claim counts for the library's orders (decision 0021): kept by triggers on Article and
-- Claim, so "most claims" and "least progress" read this small table instead of grouping every
-- live claim per page. Raw SQL like the search objects (scripts/lib/search-objects.ts lists them).
CREATE TABLE "search_article_counts" (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article" ("id") ON DELETE CASCADE,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "signedOff" INTEGER NOT NULL DEFAULT 0,
    "awaiting" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "search_article_counts_claims_idx" ON "search_article_counts" ("claims" DESC, "createdAt" DESC, "articleId");

INSERT INTO "search_article_counts" ("articleId", "createdAt", "claims", "signedOff", "awaiting")
SELECT a."id", a."createdAt",
    COUNT(c."id"),
    COUNT(c."id") FILTER (WHERE c."reviewState" = 'signed_off'),
    COUNT(c."id") FILTER (WHERE c."reviewState" = 'awaiting_review')
FROM "Article" a LEFT JOIN "Claim" c ON c."articleId" = a."id" AND c."deletedAt" IS NULL
GROUP BY a."id", a."createdAt";

CREATE FUNCTION "search_counts_article"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "search_article_counts" ("articleId", "createdAt") VALUES (NEW."id", NEW."createdAt");
    RETURN NULL;
END $$;
CREATE TRIGGER "search_counts_article_ai" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_counts_article"();

-- A live claim counts once for its article; deleting (or soft-deleting) it takes it off.
CREATE FUNCTION "search_counts_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."deletedAt" IS NULL THEN
        UPDATE "search_article_counts" SET "claims" = "claims" - 1,
            "signedOff" = "signedOff" - CASE WHEN OLD."reviewState" = 'signed_off' THEN 1 ELSE 0 END,
            "awaiting" = "awaiting" - CASE WHEN OLD."reviewState" = 'awaiting_review' THEN 1 ELSE 0 END
        WHERE "articleId" = OLD."articleId";
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."deletedAt" IS NULL THEN
        UPDATE "search_article_counts" SET "claims" = "claims" + 1,
            "signedOff" = "signedOff" + CASE WHEN NEW."reviewState" = 'signed_off' THEN 1 ELSE 0 END,
            "awaiting" = "awaiting" + CASE WHEN NEW."reviewState" = 'awaiting_review' THEN 1 ELSE 0 END
        WHERE "articleId" = NEW."articleId";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_counts_claim_ai" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_counts_claim"();
CREATE TRIGGER "search_counts_claim_ad" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_counts_claim"();
CREATE TRIGGER "search_counts_claim_au" AFTER UPDATE OF "deletedAt", "reviewState", "articleId" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_counts_claim"();
