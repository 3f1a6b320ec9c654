import "server-only";
import { MAX_SEARCH_OFFSET, type SearchKind, type SearchQueryInput } from "@/lib/search/schemas";
import { serverConfig } from "./env";

/* The SQL both search engines share: the joins, the columns of a result row and the filters. */

export interface Row {
  kind: SearchKind;
  ref: string;
  articleId: string;
  claimId: string | null;
  articleTitle: string;
  title: string;
  snippet: string | null;
  status: string | null;
  reviewState: string | null;
  editorId: string | null;
  createdAt: Date | string;
}

export const provider = serverConfig().database.provider;

/**
 * Ranking reads every ranked row (its vector, or its FTS5 doclist entries), so a word found in
 * tens of thousands of items would take a tenth of a second or more. Decision 0024: the newest
 * RANKED_MATCHES matches (after the filters) are ranked, as deep as the pages go, and the answer
 * says so when more matched.
 */
export const RANKED_MATCHES = MAX_SEARCH_OFFSET;

/**
 * The page's rows read their facets (author, date, status, review state: decision 0024's
 * columns, kept by triggers) from search_document and only the article's title from Article.
 */
export const JOINS = `JOIN "Article" a ON a."id" = d."articleId"`;
export const COLUMNS = `d."kind" AS "kind", d."ref" AS "ref", d."articleId" AS "articleId", d."claimId" AS "claimId",
  a."title" AS "articleTitle", d."title" AS "title", d."status" AS "status", d."reviewState" AS "reviewState",
  d."editorId" AS "editorId", d."createdAt" AS "createdAt"`;

/** Positional parameters as each driver writes them. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return provider === "postgresql" ? `$${this.values.length}` : "?";
  }
}

/**
 * The filters, on search_document's own columns: deleted claims (and their sources) are marked,
 * and each row carries its facets, so no other table is read for the rows a query skips. An
 * article row has no status or review state, so those filters keep claims and sources only.
 */
export function filterSql(input: SearchQueryInput, userId: string, params: Params): string {
  const where = [`d."deleted" = 0`];
  if (input.kind) where.push(`d."kind" = ${params.add(input.kind)}`);
  if (input.status) where.push(`d."status" = ${params.add(input.status)}`);
  if (input.review) where.push(`d."reviewState" = ${params.add(input.review)}`);
  if (input.editor) where.push(`d."editorId" = ${params.add(input.editor === "me" ? userId : input.editor)}`);
  if (input.outlet) where.push(`d."outlet" = ${params.add(input.outlet)}`);
  if (input.from) where.push(`d."createdAt" >= ${params.add(dateParam(`${input.from}T00:00:00.000Z`))}`);
  if (input.to) {
    const next = new Date(Date.parse(`${input.to}T00:00:00.000Z`) + 86_400_000).toISOString();
    where.push(`d."createdAt" < ${params.add(dateParam(next))}`);
  }
  return where.join(" AND ");
}

/** SQLite keeps Prisma's DateTime as ISO text with "+00:00" (the adapter's format): compare like with like. */
export function dateParam(iso: string): unknown {
  return provider === "postgresql" ? new Date(iso) : iso.replace("Z", "+00:00");
}
