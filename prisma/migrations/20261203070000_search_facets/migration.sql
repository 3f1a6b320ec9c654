-- Search facets (decision 0024): each search row carries what the search filters read (who made the
-- item, when, its claim's status and review state, its article's outlet), kept by triggers, so a
-- filtered search reads search_document alone instead of joining Article, Claim and Source for
-- every match. Raw SQL like the other search objects (scripts/lib/search-objects.ts lists them).
ALTER TABLE "search_document" ADD COLUMN "editorId" TEXT;
ALTER TABLE "search_document" ADD COLUMN "createdAt" DATETIME;
ALTER TABLE "search_document" ADD COLUMN "status" TEXT;
ALTER TABLE "search_document" ADD COLUMN "reviewState" TEXT;
ALTER TABLE "search_document" ADD COLUMN "outlet" TEXT;

-- The full-text index reindexes a row only when its searched text changes (not its facets or "deleted").
DROP TRIGGER "search_document_au";
CREATE TRIGGER "search_document_au" AFTER UPDATE OF "title", "body", "extra" ON "search_document" BEGIN
    INSERT INTO "search_fts"("search_fts", rowid, title, body, extra) VALUES ('delete', old."id", old."title", old."body", old."extra");
    INSERT INTO "search_fts"(rowid, title, body, extra) VALUES (new."id", new."title", new."body", new."extra");
END;

-- A new row takes its facets from the item it indexes (whichever trigger inserted it).
CREATE TRIGGER "search_document_facets" AFTER INSERT ON "search_document" BEGIN
    UPDATE "search_document" SET
        "editorId" = CASE new."kind"
            WHEN 'article' THEN (SELECT a."createdById" FROM "Article" a WHERE a."id" = new."ref")
            WHEN 'claim' THEN (SELECT c."authorId" FROM "Claim" c WHERE c."id" = new."ref")
            ELSE (SELECT s."addedById" FROM "Source" s WHERE s."id" = new."ref") END,
        "createdAt" = CASE new."kind"
            WHEN 'article' THEN (SELECT a."createdAt" FROM "Article" a WHERE a."id" = new."ref")
            WHEN 'claim' THEN (SELECT c."createdAt" FROM "Claim" c WHERE c."id" = new."ref")
            ELSE (SELECT s."createdAt" FROM "Source" s WHERE s."id" = new."ref") END,
        "status" = (SELECT c."status" FROM "Claim" c WHERE c."id" = new."claimId"),
        "reviewState" = (SELECT c."reviewState" FROM "Claim" c WHERE c."id" = new."claimId"),
        "outlet" = (SELECT a."outlet" FROM "Article" a WHERE a."id" = new."articleId")
    WHERE "id" = new."id";
END;

-- Facets that change: a claim's rating, review and author; an article's outlet and adder; a source's adder.
CREATE TRIGGER "search_facets_claim_au" AFTER UPDATE OF "status", "reviewState", "authorId" ON "Claim" BEGIN
    UPDATE "search_document" SET "status" = new."status", "reviewState" = new."reviewState" WHERE "claimId" = new."id";
    UPDATE "search_document" SET "editorId" = new."authorId" WHERE "kind" = 'claim' AND "ref" = new."id";
END;
CREATE TRIGGER "search_facets_article_au" AFTER UPDATE OF "outlet", "createdById" ON "Article" BEGIN
    UPDATE "search_document" SET "outlet" = new."outlet" WHERE "articleId" = new."id";
    UPDATE "search_document" SET "editorId" = new."createdById" WHERE "kind" = 'article' AND "ref" = new."id";
END;
CREATE TRIGGER "search_facets_source_au" AFTER UPDATE OF "addedById" ON "Source" BEGIN
    UPDATE "search_document" SET "editorId" = new."addedById" WHERE "kind" = 'source' AND "ref" = new."id";
END;

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
