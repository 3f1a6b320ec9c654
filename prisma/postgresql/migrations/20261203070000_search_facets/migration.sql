-- Search facets (decision 0024): each search row carries what the search filters read (who made the
-- item, when, its claim's status and review state, its article's outlet), kept by triggers, so a
-- filtered search reads search_document alone instead of joining Article, Claim and Source for
-- every match. Raw SQL like the other search objects (scripts/lib/search-objects.ts lists them).
ALTER TABLE "search_document"
    ADD COLUMN "editorId" TEXT,
    ADD COLUMN "createdAt" TIMESTAMP(3),
    ADD COLUMN "status" TEXT,
    ADD COLUMN "reviewState" TEXT,
    ADD COLUMN "outlet" TEXT;

-- A new row takes its facets from the item it indexes (whichever trigger inserts it).
CREATE FUNCTION "search_document_facets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."kind" = 'article' THEN
        SELECT a."createdById", a."createdAt" INTO NEW."editorId", NEW."createdAt" FROM "Article" a WHERE a."id" = NEW."ref";
    ELSIF NEW."kind" = 'claim' THEN
        SELECT c."authorId", c."createdAt" INTO NEW."editorId", NEW."createdAt" FROM "Claim" c WHERE c."id" = NEW."ref";
    ELSE
        SELECT s."addedById", s."createdAt" INTO NEW."editorId", NEW."createdAt" FROM "Source" s WHERE s."id" = NEW."ref";
    END IF;
    SELECT c."status", c."reviewState" INTO NEW."status", NEW."reviewState" FROM "Claim" c WHERE c."id" = NEW."claimId";
    SELECT a."outlet" INTO NEW."outlet" FROM "Article" a WHERE a."id" = NEW."articleId";
    RETURN NEW;
END $$;
CREATE TRIGGER "search_document_facets" BEFORE INSERT ON "search_document" FOR EACH ROW EXECUTE FUNCTION "search_document_facets"();

-- Facets that change: a claim's rating, review and author; an article's outlet and adder; a source's adder.
CREATE FUNCTION "search_facets_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Claim' THEN
        UPDATE "search_document" SET "status" = NEW."status", "reviewState" = NEW."reviewState" WHERE "claimId" = NEW."id";
        UPDATE "search_document" SET "editorId" = NEW."authorId" WHERE "kind" = 'claim' AND "ref" = NEW."id";
    ELSIF TG_TABLE_NAME = 'Article' THEN
        UPDATE "search_document" SET "outlet" = NEW."outlet" WHERE "articleId" = NEW."id";
        UPDATE "search_document" SET "editorId" = NEW."createdById" WHERE "kind" = 'article' AND "ref" = NEW."id";
    ELSE
        UPDATE "search_document" SET "editorId" = NEW."addedById" WHERE "kind" = 'source' AND "ref" = NEW."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_facets_claim_au" AFTER UPDATE OF "status", "reviewState", "authorId" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_facets_sync"();
CREATE TRIGGER "search_facets_article_au" AFTER UPDATE OF "outlet", "createdById" ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_facets_sync"();
CREATE TRIGGER "search_facets_source_au" AFTER UPDATE OF "addedById" ON "Source" FOR EACH ROW EXECUTE FUNCTION "search_facets_sync"();

-- Backfill, in one pass over the rows.
UPDATE "search_document" AS d SET
    "editorId" = f."editorId", "createdAt" = f."createdAt", "status" = f."status", "reviewState" = f."reviewState", "outlet" = f."outlet"
FROM (
    SELECT x."id",
        CASE x."kind" WHEN 'article' THEN a."createdById" WHEN 'claim' THEN c."authorId" ELSE s."addedById" END AS "editorId",
        CASE x."kind" WHEN 'article' THEN a."createdAt" WHEN 'claim' THEN c."createdAt" ELSE s."createdAt" END AS "createdAt",
        c."status", c."reviewState", a."outlet"
    FROM "search_document" x
    JOIN "Article" a ON a."id" = x."articleId"
    LEFT JOIN "Claim" c ON c."id" = x."claimId"
    LEFT JOIN "Source" s ON x."kind" = 'source' AND s."id" = x."ref"
) AS f
WHERE f."id" = d."id";
