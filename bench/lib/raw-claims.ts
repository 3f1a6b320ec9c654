/**
 * What the two raw references (better-sqlite3, pg) share: the answers' shapes and turning rows
 * into them. The claim rules are the app's own (lib/claims/changes.ts: planCreate, planUpdate and
 * the answers composed from the plan); only reading and writing rows is hand-written in each store.
 */
import { markedAnchor } from "@/lib/claims/reanchor";
import { NO_REVIEW } from "@/lib/claims/review";
import {
  claimsTag,
  formatCursor,
  parseCursor,
  scopeOf,
  splitChanges,
  tagMatches,
  type ClaimScope,
} from "@/lib/claims/feed";
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus } from "@/lib/claims/statuses";
import type { ClaimDetails, ClaimSummaries, ClaimSummary, People, SourceView } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import type { ClaimsFeedAnswer } from "@/lib/server/claim-feed";
import type { SessionUser } from "@/lib/server/session";

/** The work behind the API's claim routes, as each baseline server does it (the signatures of lib/server/claim-feed.ts and claim-writes.ts). */
export interface ClaimStore {
  feed(
    articleId: string,
    filter: ClaimFilter,
    user: SessionUser,
    request: { since?: string; ifNoneMatch?: string | null },
  ): Promise<ClaimsFeedAnswer>;
  create(user: SessionUser, articleId: string, input: CreateClaimInput): Promise<ClaimDetails>;
  update(user: SessionUser, id: string, input: UpdateClaimInput): Promise<ClaimDetails>;
}

/** The reads a raw store does for the list and its change feed. */
export interface FeedReads {
  /** The article's claimSeq; articleNotFound() when there is none. */
  claimSeq(articleId: string): Promise<number>;
  /** Live claims in scope, in text order. */
  live(articleId: string, scope: ClaimScope): Promise<SummaryRow[]>;
  /** Claims changed after `since` (deleted ones included), of one author when given, in change order. */
  changed(articleId: string, since: number, authorId: string | null): Promise<SummaryRow[]>;
}

/**
 * The list and its change feed, as lib/server/claim-feed.ts readClaimsFeed and listClaimSummaries
 * answer them (the same lib/claims/feed.ts rules: tag, 304, change set, reset), on a raw store's reads.
 */
export async function readFeed(
  reads: FeedReads,
  articleId: string,
  filter: ClaimFilter,
  user: SessionUser,
  request: { since?: string; ifNoneMatch?: string | null },
): Promise<ClaimsFeedAnswer> {
  const scope = scopeOf(filter, user.id);
  if (request.ifNoneMatch) {
    const tag = claimsTag(formatCursor(await reads.claimSeq(articleId)), scope);
    if (tagMatches(request.ifNoneMatch, tag)) return { notModified: true, tag };
  }
  const sinceSeq = request.since === undefined ? undefined : parseCursor(request.since);
  // The cursor first: whatever the claims read next, the client has every write up to it.
  const seq = await reads.claimSeq(articleId);
  const cursor = formatCursor(seq);
  let answer: ClaimSummaries;
  if (sinceSeq !== undefined && sinceSeq <= seq) {
    if (sinceSeq === seq) answer = { claims: [], deleted: [], people: {}, cursor };
    else {
      const rows = await reads.changed(articleId, sinceSeq, scope.authorId ?? null);
      const { claims, deleted } = splitChanges(
        rows.map((row) => ({ ...toSummary(row), deleted: row.deletedAt !== null })),
        scope,
      );
      const live = new Set(claims.map((claim) => claim.id));
      answer = { claims, deleted, people: peopleOf(rows.filter((row) => live.has(row.id))), cursor };
    }
  } else {
    const rows = await reads.live(articleId, scope);
    answer = {
      claims: rows.map(toSummary),
      people: peopleOf(rows),
      cursor,
      ...(sinceSeq !== undefined ? { reset: true as const } : {}),
    };
  }
  return { notModified: false, tag: claimsTag(answer.cursor, scope), answer };
}

/** Rows as both databases return them (dates as Date on PostgreSQL, ISO text on SQLite). */
export interface SummaryRow {
  id: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  status: string;
  version: number;
  sourceCount: number;
  deletedAt: string | Date | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export const iso = (stored: string | Date) => new Date(stored).toISOString();

export function toSummary(row: SummaryRow): ClaimSummary {
  return {
    id: row.id,
    authorId: row.authorId,
    start: row.start,
    end: row.end,
    // The reference stores model claims of an article that never changed.
    anchor: markedAnchor(1, row.start, row.end),
    status: isStatus(row.status) ? row.status : "UNVERIFIED",
    // The reference store models claims without reviews.
    review: NO_REVIEW,
    version: row.version,
    sourceCount: Number(row.sourceCount),
    // The reference store models claims without a discussion.
    replyCount: 0,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function peopleOf(rows: SummaryRow[]): People {
  const people: People = {};
  for (const row of rows) people[row.authorId] = row.authorName;
  return people;
}

export const articleNotFound = () =>
  new Problem("not_found", "There is no article with this id. It may have been removed.");

/** A source row as both stores read it with the claim before a write. */
export interface SourceRow {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  createdAt: string | Date;
  addedById: string;
  addedByName: string;
}

/** The claim row both stores read before a write, with its author's name. */
export interface DetailRow {
  id: string;
  articleId: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: string;
  note: string;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
}

/** The claim as GET /api/annotations/{id} would answer it, from what was read for the write. */
export function toDetails(row: DetailRow, sources: SourceRow[]): ClaimDetails {
  return {
    id: row.id,
    articleId: row.articleId,
    author: { id: row.authorId, name: row.authorName },
    revision: 1,
    position: { start: row.start, end: row.end },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    anchor: markedAnchor(1, row.start, row.end),
    review: NO_REVIEW,
    status: isStatus(row.status) ? row.status : "UNVERIFIED",
    note: row.note,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    sources: sources.map((source): SourceView => ({
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      excerpt: source.excerpt,
      addedBy: { id: source.addedById, name: source.addedByName },
      createdAt: iso(source.createdAt),
    })),
  };
}

/** cuid-like ids that grow within the process (history is ordered by createdAt, then id). */
export function idMaker(prefix: string): () => string {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return () => `${prefix}${stamp}${(counter++).toString(36).padStart(8, "0")}`;
}
