import "server-only";
import { isEmptyQuery, parseQuery, toFtsAnyOf, toFtsMatch, type ParsedQuery } from "@/lib/search/query";
import { SEARCH_PAGE_SIZE, type SearchKind, type SearchQueryInput } from "@/lib/search/schemas";
import { lookupWords, pickSimilar, SIMILAR_CANDIDATES, type SimilarClaim } from "@/lib/search/similar";
import { snippetSegments, type SnippetSegment } from "@/lib/search/snippet";
import { claimNotFound } from "@/lib/claims/changes";
import { isRecordId } from "@/lib/ids";
import { db } from "./db";
import { postgresSearch } from "./search-postgres";
import { COLUMNS, dateParam, filterSql, JOINS, Params, provider, RANKED_MATCHES, type Row } from "./search-sql";

/*
 * Search (decision 0020): one module, one results contract, two engines. The rows searched are
 * search_document's, kept by database triggers (prisma/migrations/20261202183000_search); on
 * SQLite FTS5 ranks them (bm25, snippet), on PostgreSQL the tsvector column and its GIN index
 * (ts_rank, ts_headline). The query reaches either engine only as quoted parts or parameters,
 * never as syntax. Every signed-in editor may open every article; deleted claims (and their
 * sources) are left out here as in every read, deleted replies are not in the index.
 */

export interface SearchHit {
  kind: SearchKind;
  articleId: string;
  articleTitle: string;
  /** The claim itself, or the claim a source backs; null for an article. */
  claimId: string | null;
  sourceId: string | null;
  /** Article: its title; claim: the quoted passage; source: its title. */
  title: string;
  snippet: SnippetSegment[];
  /** The claim's (or the source's claim's) status and review state; null for an article. */
  status: string | null;
  reviewState: string | null;
  /** Who added the article, marked the claim or added the source. */
  editor: { id: string; name: string } | null;
  createdAt: string;
  /** The article, or the claim opened in its article. */
  href: string;
}

export interface SearchPage {
  results: SearchHit[];
  /** Pass as `cursor` for the next page; null on the last. */
  cursor: string | null;
  /** Something the searcher should know ("only the first 500 characters were searched"). */
  notice: string | null;
  /** False for an empty query: the results are the most recent items, not matches. */
  matched: boolean;
}

async function sqliteSearch(
  query: ParsedQuery,
  input: SearchQueryInput,
  userId: string,
  offset: number,
): Promise<{ rows: Row[]; broad: boolean }> {
  const params = new Params();
  const match = toFtsMatch(query);
  const inner = params.add(match);
  const filters = filterSql(input, userId, params);
  const cap = params.add(RANKED_MATCHES + 1);
  const limit = params.add(SEARCH_PAGE_SIZE + 1);
  const skip = params.add(offset);
  const outer = params.add(match);
  // FTS5 walks a word's matches newest first (rowid order) and stops at the cap; bm25 (weights:
  // title, body, extra; lower is better) is computed for those rows only. The inner query touches
  // only the index and search_document (whose rows carry the filters' facets); the page's 21 rows
  // are then joined and their snippets made. CROSS JOIN keeps that order: left to choose, SQLite
  // may walk every match of the outer MATCH and probe the page for each (0.1 s for a common word).
  const sql = `WITH recent AS MATERIALIZED (
      SELECT d."id" AS "docId", bm25("search_fts", 4.0, 1.0, 0.5) AS "rank"
      FROM "search_fts" JOIN "search_document" d ON d."id" = "search_fts".rowid
      WHERE "search_fts" MATCH ${inner} AND ${filters}
      ORDER BY "search_fts".rowid DESC
      LIMIT ${cap}
    ),
    page AS (
      SELECT "docId", "rank" FROM (SELECT * FROM recent ORDER BY "docId" DESC LIMIT ${RANKED_MATCHES})
      ORDER BY "rank", "docId" DESC
      LIMIT ${limit} OFFSET ${skip}
    )
    SELECT ${COLUMNS}, snippet("search_fts", -1, char(57344), char(57345), '…', 24) AS "snippet",
      (SELECT count(*) FROM recent) AS "matches"
    FROM page CROSS JOIN "search_fts" ON "search_fts".rowid = page."docId"
    JOIN "search_document" d ON d."id" = page."docId"
    ${JOINS}
    WHERE "search_fts" MATCH ${outer}
    ORDER BY page."rank", page."docId" DESC`;
  const rows = await db.$queryRawUnsafe<Array<Row & { matches: number | bigint }>>(sql, ...params.values);
  return { rows, broad: rows.length > 0 && Number(rows[0]!.matches) > RANKED_MATCHES };
}

/** The most recent items the filters keep (the page of an empty query). */
function recentItems(input: SearchQueryInput, userId: string, offset: number): Promise<Row[]> {
  const params = new Params();
  const filters = filterSql(input, userId, params);
  const excerpt = provider === "postgresql" ? `left(d."body", 200)` : `substr(d."body", 1, 200)`;
  const sql = `SELECT ${COLUMNS}, ${excerpt} AS "snippet"
    FROM "search_document" d ${JOINS}
    WHERE ${filters}
    ORDER BY d."id" DESC
    LIMIT ${params.add(SEARCH_PAGE_SIZE + 1)} OFFSET ${params.add(offset)}`;
  return db.$queryRawUnsafe<Row[]>(sql, ...params.values);
}

const BROAD_NOTICE = `More than ${RANKED_MATCHES.toLocaleString("en")} items match: these are the best of the ${RANKED_MATCHES.toLocaleString("en")} most recent. Add a word, a phrase or a filter to search further back.`;

export async function search(input: SearchQueryInput, userId: string): Promise<SearchPage> {
  const query = parseQuery(input.q);
  const offset = Number(input.cursor ?? 0);
  const matched = !isEmptyQuery(query);
  let notice: string | null = query.truncated ? "Only the first 500 characters of the query were searched." : null;
  if (!matched && input.q.trim())
    notice = "Type at least one word to search for (a word, or a phrase in quotes). These are the most recent items.";
  const { rows, broad } = !matched
    ? { rows: await recentItems(input, userId, offset), broad: false }
    : provider === "postgresql"
      ? await postgresSearch(query, input, userId, offset)
      : await sqliteSearch(query, input, userId, offset);
  if (broad) notice = [notice, BROAD_NOTICE].filter(Boolean).join(" ");
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const names = await editorNames(page.map((row) => row.editorId));
  return {
    results: page.map((row) => toHit(row, names, matched)),
    cursor: rows.length > SEARCH_PAGE_SIZE ? String(offset + SEARCH_PAGE_SIZE) : null,
    notice,
    matched,
  };
}

async function editorNames(ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

function toHit(row: Row, names: Map<string, string>, matched: boolean): SearchHit {
  const snippetSource = row.snippet ?? "";
  const snippet = snippetSegments(matched ? snippetSource : snippetSource.replace(/[\uE000\uE001]/g, ""));
  const isArticle = row.kind === "article";
  return {
    kind: row.kind,
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    claimId: row.claimId,
    sourceId: row.kind === "source" ? row.ref : null,
    title: row.title,
    snippet,
    status: isArticle ? null : row.status,
    reviewState: isArticle ? null : row.reviewState,
    editor: row.editorId ? { id: row.editorId, name: names.get(row.editorId) ?? "Unknown editor" } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    href: isArticle ? `/articles/${row.articleId}` : `/articles/${row.articleId}?claim=${row.claimId}`,
  };
}

/**
 * Up to three earlier claims in other articles whose quote is nearly this one's: candidates from
 * the index (any of the quote's distinctive words, best ranked first), judged by word overlap.
 * Unverified claims carry no verdict to reuse and are left out.
 */
export async function similarClaims(claim: {
  id: string;
  articleId: string;
  exact: string;
  createdAt: Date;
}): Promise<SimilarClaim[]> {
  const words = lookupWords(claim.exact);
  if (words.length === 0) return [];
  const params = new Params();
  let sql: string;
  const common = (p: Params) => `d."kind" = 'claim' AND d."articleId" <> ${p.add(claim.articleId)}
      AND d."deleted" = 0 AND c."status" <> 'UNVERIFIED' AND c."createdAt" < ${p.add(dateParam(claim.createdAt.toISOString()))}`;
  if (provider === "postgresql") {
    const any = words.map((word) => `plainto_tsquery('english', ${params.add(word)})`).join(" || ");
    sql = `WITH q AS (SELECT ${any} AS query)
      SELECT c."id" AS "id" FROM q, "search_document" d JOIN "Claim" c ON c."id" = d."claimId"
      WHERE d."vector" @@ q.query AND ${common(params)}
      ORDER BY ts_rank(d."vector", q.query) DESC LIMIT ${params.add(SIMILAR_CANDIDATES)}`;
  } else {
    const match = params.add(`title : (${toFtsAnyOf(words)})`);
    sql = `SELECT c."id" AS "id" FROM "search_fts" JOIN "search_document" d ON d."id" = "search_fts".rowid
      JOIN "Claim" c ON c."id" = d."claimId"
      WHERE "search_fts" MATCH ${match} AND ${common(params)}
      ORDER BY bm25("search_fts", 1.0, 0.0, 0.0) LIMIT ${params.add(SIMILAR_CANDIDATES)}`;
  }
  const ids = (await db.$queryRawUnsafe<Array<{ id: string }>>(sql, ...params.values)).map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await db.claim.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      exact: true,
      status: true,
      reviewState: true,
      updatedAt: true,
      article: { select: { id: true, title: true } },
      author: { select: { id: true, name: true } },
    },
  });
  return pickSimilar(
    claim.exact,
    rows.map((row) => ({
      id: row.id,
      articleId: row.article.id,
      articleTitle: row.article.title,
      quote: row.exact,
      status: row.status,
      reviewState: row.reviewState,
      author: row.author,
      at: row.updatedAt.toISOString(),
    })),
  );
}

/** Similar claims of a live claim by id: 404 when deleted or unknown. */
export async function similarClaimsOf(id: string): Promise<SimilarClaim[]> {
  if (!isRecordId(id)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, articleId: true, exact: true, createdAt: true },
  });
  if (!claim) throw claimNotFound();
  return similarClaims(claim);
}
