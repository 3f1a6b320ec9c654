import "server-only";
import type { ParsedQuery } from "@/lib/search/query";
import { SEARCH_PAGE_SIZE, type SearchQueryInput } from "@/lib/search/schemas";
import { FIRST_WINDOW, firstWindow, nextWindow } from "@/lib/search/windows";
import { db } from "./db";
import { COLUMNS, filterSql, JOINS, Params, RANKED_MATCHES, type Row } from "./search-sql";

/*
 * Search on PostgreSQL (decision 0024): find the newest RANKED_MATCHES + 1 matches (newest rows
 * first, in growing windows of ids: lib/search/windows.ts), then rank those with ts_rank and make
 * snippets for the page's rows only.
 */

/** A tsquery from the parsed parts: each a parameter of plainto_/phraseto_tsquery, never tsquery syntax. */
export function tsquerySql(query: ParsedQuery, params: Params): string {
  const parts = [
    ...query.terms.map((term) => `plainto_tsquery('english', ${params.add(term)})`),
    ...query.phrases.map((phrase) => `phraseto_tsquery('english', ${params.add(phrase.join(" "))})`),
    ...query.excluded.map((word) => `!! plainto_tsquery('english', ${params.add(word)})`),
  ];
  return parts.join(" && ");
}

const HEADLINE_OPTIONS = `'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;

/**
 * Ids (as text) of the newest `wanted` (RANKED_MATCHES + 1) matches under the filters, newest
 * first. Tests pass a small first window and count to see the windows at work.
 */
export async function newestMatches(
  query: ParsedQuery,
  input: SearchQueryInput,
  userId: string,
  { first = FIRST_WINDOW, wanted = RANKED_MATCHES + 1 }: { first?: number; wanted?: number } = {},
): Promise<string[]> {
  const [last] = await db.$queryRawUnsafe<Array<{ top: string | null }>>(
    `SELECT max("id")::text AS "top" FROM "search_document"`,
  );
  const newest = Number(last?.top ?? 0);
  const matchesAbove = async (floor: number | null) => {
    const params = new Params();
    const filters = filterSql(input, userId, params);
    const match = `d."vector" @@ (${tsquerySql(query, params)})`;
    // The tsquery is written inline (not read from a CTE) so that the planner sees how common its
    // words are. The whole table: through the GIN index ("+ 0" keeps the planner from walking the
    // primary key instead, testing every row). A window: along the primary key, each row's facets
    // tested before @@ (which may read a whole article's vector); CASE keeps that order.
    const where =
      floor === null
        ? `${match} AND ${filters}`
        : `d."id" > ${params.add(floor)} AND CASE WHEN ${filters} THEN ${match} ELSE false END`;
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT d."id"::text AS "id" FROM "search_document" d
       WHERE ${where}
       ORDER BY ${floor === null ? `d."id" + 0` : `d."id"`} DESC
       LIMIT ${params.add(wanted)}`,
      ...params.values,
    );
    return rows.map((row) => row.id);
  };
  let window = firstWindow(newest, first);
  while (window !== null) {
    const ids = await matchesAbove(newest - window);
    if (ids.length >= wanted) return ids;
    window = nextWindow(window, ids.length, wanted, newest);
  }
  return matchesAbove(null);
}

/** The page's rows, best first, and whether more matched than were ranked. */
export async function postgresSearch(
  query: ParsedQuery,
  input: SearchQueryInput,
  userId: string,
  offset: number,
): Promise<{ rows: Row[]; broad: boolean }> {
  const ids = await newestMatches(query, input, userId);
  if (ids.length === 0) return { rows: [], broad: false };
  const params = new Params();
  const tsquery = tsquerySql(query, params);
  const ranked = params.add(ids.slice(0, RANKED_MATCHES).join(","));
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH q AS (SELECT ${tsquery} AS query),
    page AS (
      SELECT d."id" AS "docId", ts_rank(d."vector", q.query) AS "rank"
      FROM q, "search_document" d
      WHERE d."id" = ANY (string_to_array(${ranked}, ',')::bigint[])
      ORDER BY "rank" DESC, d."id" DESC
      LIMIT ${params.add(SEARCH_PAGE_SIZE + 1)} OFFSET ${params.add(offset)}
    )
    SELECT ${COLUMNS}, ts_headline('english',
        left(coalesce(nullif(concat_ws(' … ', nullif(d."body", ''), nullif(d."extra", '')), ''), d."title"), 20000),
        q.query, ${HEADLINE_OPTIONS}) AS "snippet"
    FROM page JOIN "search_document" d ON d."id" = page."docId"
    ${JOINS}, q
    ORDER BY page."rank" DESC, page."docId" DESC`,
    ...params.values,
  );
  return { rows, broad: ids.length > RANKED_MATCHES };
}
