-- The library's title and outlet orders (decision 0021) read the counts table too: each row carries its
-- article's title and outlet, kept by triggers, with an index in each order, so a page of 50 is read
-- from an index instead of sorting every article.
ALTER TABLE "search_article_counts" ADD COLUMN "title" TEXT NOT NULL DEFAULT '', ADD COLUMN "outlet" TEXT;
UPDATE "search_article_counts" k SET "title" = a."title", "outlet" = a."outlet" FROM "Article" a WHERE a."id" = k."articleId";
CREATE INDEX "search_article_counts_title_idx" ON "search_article_counts" (lower("title"), "articleId");
CREATE INDEX "search_article_counts_outlet_idx" ON "search_article_counts"
    ((CASE WHEN "outlet" IS NULL THEN 1 ELSE 0 END), lower("outlet"), "createdAt" DESC, "articleId");

CREATE FUNCTION "search_counts_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Article' THEN
        UPDATE "search_article_counts" SET "title" = NEW."title", "outlet" = NEW."outlet" WHERE "articleId" = NEW."id";
        RETURN NULL;
    END IF;
    SELECT a."title", a."outlet" INTO NEW."title", NEW."outlet" FROM "Article" a WHERE a."id" = NEW."articleId";
    RETURN NEW;
END $$;
CREATE TRIGGER "search_counts_sort_keys" BEFORE INSERT ON "search_article_counts" FOR EACH ROW EXECUTE FUNCTION "search_counts_sort_keys"();
CREATE TRIGGER "search_counts_article_au" AFTER UPDATE OF "title", "outlet" ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_counts_sort_keys"();
