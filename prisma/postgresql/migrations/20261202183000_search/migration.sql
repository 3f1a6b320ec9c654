-- Full-text search (docs/decisions/0020-search-in-the-databases-own-engines.md).
-- One row per searchable thing (an article, a claim with its discussion, a source), kept by
-- triggers on the tables of the app, so no write path in lib/server knows about search; a generated
-- tsvector column with a GIN index holds the words. These objects are not Prisma models:
-- scripts/lib/search-objects.ts lists them, and `npm run db:check` ignores them in the schema
-- comparison but fails when one is missing.

CREATE TABLE "search_document" (
    "id" BIGSERIAL PRIMARY KEY,
    -- 'article', 'claim' or 'source'
    "kind" TEXT NOT NULL,
    -- the Article, Claim or Source id
    "ref" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    -- article: title; claim: the quoted passage; source: its title
    "title" TEXT NOT NULL,
    -- article: the text (first 100,000 characters); claim: the note; source: the excerpt
    "body" TEXT NOT NULL,
    -- article: outlet and author; claim: the replies; source: publisher and URL
    "extra" TEXT NOT NULL DEFAULT '',
    -- 1 when the claim (of a claim or source row) is deleted: queries skip these rows without reading Claim
    "deleted" INTEGER NOT NULL DEFAULT 0,
    -- Title words weigh most (A), then the body (B), then the rest (C). A tsvector holds at most
    -- 1 MB: the body is bounded to 100,000 characters by the triggers.
    "vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', "body"), 'B') ||
        setweight(to_tsvector('english', left("extra", 100000)), 'C')
    ) STORED
);
CREATE UNIQUE INDEX "search_document_kind_ref_key" ON "search_document"("kind", "ref");
CREATE INDEX "search_document_articleId_idx" ON "search_document"("articleId");
CREATE INDEX "search_document_claimId_idx" ON "search_document"("claimId");
CREATE INDEX "search_document_vector_idx" ON "search_document" USING GIN ("vector");

-- Backfill: every existing article, claim (with its live replies) and source.
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
SELECT 'article', "id", "id", NULL, "title", left("text", 100000), trim(coalesce("outlet", '') || ' ' || coalesce("author", '')) FROM "Article";
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
SELECT 'claim', c."id", c."articleId", c."id", c."exact", c."note",
       coalesce((SELECT string_agg(r."text", E'\n' ORDER BY r."createdAt") FROM "Reply" r WHERE r."claimId" = c."id" AND r."deletedAt" IS NULL), ''),
       CASE WHEN c."deletedAt" IS NULL THEN 0 ELSE 1 END
FROM "Claim" c;
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
SELECT 'source', s."id", c."articleId", s."claimId", s."title", coalesce(s."excerpt", ''), trim(coalesce(s."publisher", '') || ' ' || s."url"),
       CASE WHEN c."deletedAt" IS NULL THEN 0 ELSE 1 END
FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId";

-- Articles. claimSeq and updatedAt change on every claim write: only the searched columns reindex.
CREATE FUNCTION "search_article_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
        VALUES ('article', NEW."id", NEW."id", NULL, NEW."title", left(NEW."text", 100000), trim(coalesce(NEW."outlet", '') || ' ' || coalesce(NEW."author", '')));
    ELSE
        UPDATE "search_document" SET "title" = NEW."title", "body" = left(NEW."text", 100000),
            "extra" = trim(coalesce(NEW."outlet", '') || ' ' || coalesce(NEW."author", ''))
        WHERE "kind" = 'article' AND "ref" = NEW."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_article_ai" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_article_sync"();
CREATE TRIGGER "search_article_au" AFTER UPDATE OF "title", "text", "outlet", "author" ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_article_sync"();

-- Claims: the quote and the note (deleted claims stay indexed; queries leave them out, like every read).
CREATE FUNCTION "search_claim_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
        VALUES ('claim', NEW."id", NEW."articleId", NEW."id", NEW."exact", NEW."note", '');
    ELSE
        UPDATE "search_document" SET "title" = NEW."exact", "body" = NEW."note" WHERE "kind" = 'claim' AND "ref" = NEW."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_claim_ai" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_claim_sync"();
CREATE TRIGGER "search_claim_au" AFTER UPDATE OF "exact", "note" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_claim_sync"();

-- A deleted claim stays indexed, marked deleted with its sources; queries leave them out.
CREATE FUNCTION "search_claim_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "search_document" SET "deleted" = CASE WHEN NEW."deletedAt" IS NULL THEN 0 ELSE 1 END WHERE "claimId" = NEW."id";
    RETURN NULL;
END $$;
CREATE TRIGGER "search_claim_deleted" AFTER UPDATE OF "deletedAt" ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_claim_deleted"();

-- Sources.
CREATE FUNCTION "search_source_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "search_document" WHERE "kind" = 'source' AND "ref" = OLD."id";
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
        SELECT 'source', NEW."id", c."articleId", NEW."claimId", NEW."title", coalesce(NEW."excerpt", ''), trim(coalesce(NEW."publisher", '') || ' ' || NEW."url"),
               CASE WHEN c."deletedAt" IS NULL THEN 0 ELSE 1 END
        FROM "Claim" c WHERE c."id" = NEW."claimId";
    ELSE
        UPDATE "search_document" SET "title" = NEW."title", "body" = coalesce(NEW."excerpt", ''),
            "extra" = trim(coalesce(NEW."publisher", '') || ' ' || NEW."url")
        WHERE "kind" = 'source' AND "ref" = NEW."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_source_ai" AFTER INSERT ON "Source" FOR EACH ROW EXECUTE FUNCTION "search_source_sync"();
CREATE TRIGGER "search_source_au" AFTER UPDATE OF "title", "excerpt", "publisher", "url" ON "Source" FOR EACH ROW EXECUTE FUNCTION "search_source_sync"();
CREATE TRIGGER "search_source_ad" AFTER DELETE ON "Source" FOR EACH ROW EXECUTE FUNCTION "search_source_sync"();

-- Deleting an article or a claim (cascades included) removes its rows.
CREATE FUNCTION "search_parent_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Article' THEN
        DELETE FROM "search_document" WHERE "articleId" = OLD."id";
    ELSE
        DELETE FROM "search_document" WHERE "claimId" = OLD."id";
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_article_ad" AFTER DELETE ON "Article" FOR EACH ROW EXECUTE FUNCTION "search_parent_delete"();
CREATE TRIGGER "search_claim_ad" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search_parent_delete"();

-- Replies: the row of a claim carries the text of its live replies.
CREATE FUNCTION "search_reply_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    claim TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."claimId" ELSE NEW."claimId" END;
BEGIN
    UPDATE "search_document"
    SET "extra" = coalesce((SELECT string_agg(r."text", E'\n' ORDER BY r."createdAt") FROM "Reply" r WHERE r."claimId" = claim AND r."deletedAt" IS NULL), '')
    WHERE "kind" = 'claim' AND "ref" = claim;
    RETURN NULL;
END $$;
CREATE TRIGGER "search_reply_ai" AFTER INSERT ON "Reply" FOR EACH ROW EXECUTE FUNCTION "search_reply_sync"();
CREATE TRIGGER "search_reply_au" AFTER UPDATE OF "text", "deletedAt" ON "Reply" FOR EACH ROW EXECUTE FUNCTION "search_reply_sync"();
CREATE TRIGGER "search_reply_ad" AFTER DELETE ON "Reply" FOR EACH ROW EXECUTE FUNCTION "search_reply_sync"();
