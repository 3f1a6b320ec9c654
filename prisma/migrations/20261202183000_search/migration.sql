-- Full-text search (docs/decisions/0020-search-in-the-databases-own-engines.md).
-- One row per searchable thing (an article, a claim with its discussion, a source), kept by
-- triggers on the tables of the app, so no write path in lib/server knows about search; FTS5 indexes
-- the rows as an external-content table kept by triggers on search_document. These objects are
-- not Prisma models: scripts/lib/search-objects.ts lists them, and `npm run db:check` ignores
-- them in the schema comparison but fails when one is missing (a table redefinition drops triggers).

CREATE TABLE "search_document" (
    "id" INTEGER PRIMARY KEY,
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
    "deleted" INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX "search_document_kind_ref_key" ON "search_document"("kind", "ref");
CREATE INDEX "search_document_articleId_idx" ON "search_document"("articleId");
CREATE INDEX "search_document_claimId_idx" ON "search_document"("claimId");

CREATE VIRTUAL TABLE "search_fts" USING fts5(
    title, body, extra,
    content = 'search_document', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "search_document_ai" AFTER INSERT ON "search_document" BEGIN
    INSERT INTO "search_fts"(rowid, title, body, extra) VALUES (new."id", new."title", new."body", new."extra");
END;
CREATE TRIGGER "search_document_ad" AFTER DELETE ON "search_document" BEGIN
    INSERT INTO "search_fts"("search_fts", rowid, title, body, extra) VALUES ('delete', old."id", old."title", old."body", old."extra");
END;
CREATE TRIGGER "search_document_au" AFTER UPDATE ON "search_document" BEGIN
    INSERT INTO "search_fts"("search_fts", rowid, title, body, extra) VALUES ('delete', old."id", old."title", old."body", old."extra");
    INSERT INTO "search_fts"(rowid, title, body, extra) VALUES (new."id", new."title", new."body", new."extra");
END;

-- Backfill: every existing article, claim (with its live replies) and source.
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
SELECT 'article', "id", "id", NULL, "title", substr("text", 1, 100000), trim(coalesce("outlet", '') || ' ' || coalesce("author", '')) FROM "Article";
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
SELECT 'claim', c."id", c."articleId", c."id", c."exact", c."note",
       coalesce((SELECT group_concat(r."text", char(10)) FROM "Reply" r WHERE r."claimId" = c."id" AND r."deletedAt" IS NULL), ''),
       c."deletedAt" IS NOT NULL
FROM "Claim" c;
INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
SELECT 'source', s."id", c."articleId", s."claimId", s."title", coalesce(s."excerpt", ''), trim(coalesce(s."publisher", '') || ' ' || s."url"),
       c."deletedAt" IS NOT NULL
FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId";

-- Articles. claimSeq and updatedAt change on every claim write: only the searched columns reindex.
CREATE TRIGGER "search_article_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
    VALUES ('article', new."id", new."id", NULL, new."title", substr(new."text", 1, 100000), trim(coalesce(new."outlet", '') || ' ' || coalesce(new."author", '')));
END;
CREATE TRIGGER "search_article_au" AFTER UPDATE OF "title", "text", "outlet", "author" ON "Article" BEGIN
    UPDATE "search_document" SET "title" = new."title", "body" = substr(new."text", 1, 100000),
        "extra" = trim(coalesce(new."outlet", '') || ' ' || coalesce(new."author", ''))
    WHERE "kind" = 'article' AND "ref" = new."id";
END;
CREATE TRIGGER "search_article_ad" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "search_document" WHERE "articleId" = old."id";
END;

-- Claims: the quote and the note (a deleted claim stays indexed, marked deleted with its sources; queries leave them out).
CREATE TRIGGER "search_claim_ai" AFTER INSERT ON "Claim" BEGIN
    INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra")
    VALUES ('claim', new."id", new."articleId", new."id", new."exact", new."note", '');
END;
CREATE TRIGGER "search_claim_au" AFTER UPDATE OF "exact", "note" ON "Claim" BEGIN
    UPDATE "search_document" SET "title" = new."exact", "body" = new."note" WHERE "kind" = 'claim' AND "ref" = new."id";
END;
CREATE TRIGGER "search_claim_deleted" AFTER UPDATE OF "deletedAt" ON "Claim" BEGIN
    UPDATE "search_document" SET "deleted" = (new."deletedAt" IS NOT NULL) WHERE "claimId" = new."id";
END;
CREATE TRIGGER "search_claim_ad" AFTER DELETE ON "Claim" BEGIN
    DELETE FROM "search_document" WHERE "claimId" = old."id";
END;

-- Sources.
CREATE TRIGGER "search_source_ai" AFTER INSERT ON "Source" BEGIN
    INSERT INTO "search_document" ("kind", "ref", "articleId", "claimId", "title", "body", "extra", "deleted")
    SELECT 'source', new."id", c."articleId", new."claimId", new."title", coalesce(new."excerpt", ''), trim(coalesce(new."publisher", '') || ' ' || new."url"),
           c."deletedAt" IS NOT NULL
    FROM "Claim" c WHERE c."id" = new."claimId";
END;
CREATE TRIGGER "search_source_au" AFTER UPDATE OF "title", "excerpt", "publisher", "url" ON "Source" BEGIN
    UPDATE "search_document" SET "title" = new."title", "body" = coalesce(new."excerpt", ''),
        "extra" = trim(coalesce(new."publisher", '') || ' ' || new."url")
    WHERE "kind" = 'source' AND "ref" = new."id";
END;
CREATE TRIGGER "search_source_ad" AFTER DELETE ON "Source" BEGIN
    DELETE FROM "search_document" WHERE "kind" = 'source' AND "ref" = old."id";
END;

-- Replies: the claim's row carries its live replies' text.
CREATE TRIGGER "search_reply_ai" AFTER INSERT ON "Reply" BEGIN
    UPDATE "search_document" SET "extra" = coalesce((SELECT group_concat(r."text", char(10)) FROM "Reply" r WHERE r."claimId" = new."claimId" AND r."deletedAt" IS NULL), '')
    WHERE "kind" = 'claim' AND "ref" = new."claimId";
END;
CREATE TRIGGER "search_reply_au" AFTER UPDATE OF "text", "deletedAt" ON "Reply" BEGIN
    UPDATE "search_document" SET "extra" = coalesce((SELECT group_concat(r."text", char(10)) FROM "Reply" r WHERE r."claimId" = new."claimId" AND r."deletedAt" IS NULL), '')
    WHERE "kind" = 'claim' AND "ref" = new."claimId";
END;
CREATE TRIGGER "search_reply_ad" AFTER DELETE ON "Reply" BEGIN
    UPDATE "search_document" SET "extra" = coalesce((SELECT group_concat(r."text", char(10)) FROM "Reply" r WHERE r."claimId" = old."claimId" AND r."deletedAt" IS NULL), '')
    WHERE "kind" = 'claim' AND "ref" = old."claimId";
END;
