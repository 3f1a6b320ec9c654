-- The library's title and outlet orders (decision 0021) read the counts table too: each row carries its
-- article's title and outlet, kept by triggers, with an index in each order, so a page of 50 is read
-- from an index instead of sorting every article (whose rows hold the whole text).
ALTER TABLE "search_article_counts" ADD COLUMN "title" TEXT NOT NULL DEFAULT '';
ALTER TABLE "search_article_counts" ADD COLUMN "outlet" TEXT;
UPDATE "search_article_counts" SET
    "title" = (SELECT a."title" FROM "Article" a WHERE a."id" = "search_article_counts"."articleId"),
    "outlet" = (SELECT a."outlet" FROM "Article" a WHERE a."id" = "search_article_counts"."articleId");
CREATE INDEX "search_article_counts_title_idx" ON "search_article_counts" (lower("title"), "articleId");
CREATE INDEX "search_article_counts_outlet_idx" ON "search_article_counts"
    ((CASE WHEN "outlet" IS NULL THEN 1 ELSE 0 END), lower("outlet"), "createdAt" DESC, "articleId");

CREATE TRIGGER "search_counts_sort_keys" AFTER INSERT ON "search_article_counts" BEGIN
    UPDATE "search_article_counts" SET
        "title" = (SELECT a."title" FROM "Article" a WHERE a."id" = NEW."articleId"),
        "outlet" = (SELECT a."outlet" FROM "Article" a WHERE a."id" = NEW."articleId")
    WHERE "articleId" = NEW."articleId";
END;
CREATE TRIGGER "search_counts_article_au" AFTER UPDATE OF "title", "outlet" ON "Article" BEGIN
    UPDATE "search_article_counts" SET "title" = NEW."title", "outlet" = NEW."outlet" WHERE "articleId" = NEW."id";
END;
