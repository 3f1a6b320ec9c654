import "server-only";
import { claimsTag, formatCursor, parseCursor, scopeOf, splitChanges, tagMatches } from "@/lib/claims/feed";
import type { ClaimFilter } from "@/lib/claims/schemas";
import type { ClaimSummaries, ClaimSummary, People } from "@/lib/claims/types";
import { isRecordId } from "@/lib/ids";
import type { Prisma } from "@/generated/prisma/client";
import { articleNotFound } from "./articles";
import { anchorOf, anchorSelect, iso, namesOf, readingOrder, reviewOf, reviewSelect, statusOf } from "./claim-rows";
import { db } from "./db";
import { replyCounts } from "./discussion";
import type { SessionUser } from "./session";

/*
 * The article page's list of claims and its change feed (decision 0007): summaries, read whole or
 * as what changed after a cursor (the article's claimSeq), and the "not modified" answer that
 * reads nothing but that cursor.
 */

const summarySelect = {
  id: true,
  authorId: true,
  start: true,
  end: true,
  ...anchorSelect,
  ...reviewSelect,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ClaimSelect;

type SummaryRow = Prisma.ClaimGetPayload<{ select: typeof summarySelect }>;

/**
 * Sources per claim, for the given claims or an article's live ones. A grouped count rather than
 * Prisma's `_count`, whose subquery counts the sources of every claim in the database.
 */
async function sourceCounts(where: Prisma.SourceWhereInput): Promise<Map<string, number>> {
  const groups = await db.source.groupBy({ by: ["claimId"], where, _count: { _all: true } });
  return new Map(groups.map((group) => [group.claimId, group._count._all]));
}

interface Counts {
  sources: Map<string, number>;
  replies: Map<string, number>;
}

function toSummary(row: SummaryRow, counts: Counts, people: People): ClaimSummary {
  return {
    id: row.id,
    authorId: row.authorId,
    start: row.start,
    end: row.end,
    anchor: anchorOf(row),
    status: statusOf(row.status),
    review: reviewOf(row, people),
    version: row.version,
    sourceCount: counts.sources.get(row.id) ?? 0,
    replyCount: counts.replies.get(row.id) ?? 0,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const peopleOfSummary = (row: SummaryRow) => (row.reviewById ? [row.authorId, row.reviewById] : [row.authorId]);

/** The list's `people` names the claims' authors (reviewers are named in each claim's `review.by`). */
function namesFor(people: People, claims: ClaimSummary[]): People {
  const named: People = {};
  for (const { authorId } of claims) {
    const name = people[authorId];
    if (name !== undefined) named[authorId] = name;
  }
  return named;
}

/** The article's claimSeq (404 when there is no such article): the one query a 304 needs. */
export async function claimSeqOf(articleId: string): Promise<number> {
  if (!isRecordId(articleId)) throw articleNotFound();
  const article = await db.article.findUnique({ where: { id: articleId }, select: { claimSeq: true } });
  if (!article) throw articleNotFound();
  return article.claimSeq;
}

export type ClaimsFeedAnswer =
  { notModified: true; tag: string } | { notModified: false; tag: string; answer: ClaimSummaries };

/**
 * The list as the API serves it: when `ifNoneMatch` names the list's current tag (cursor and
 * filter), "not modified" after reading only the article's claimSeq; else listClaimSummaries.
 */
export async function readClaimsFeed(
  articleId: string,
  filter: ClaimFilter,
  user: SessionUser,
  request: { since?: string; ifNoneMatch?: string | null },
): Promise<ClaimsFeedAnswer> {
  const scope = scopeOf(filter, user.id);
  if (request.ifNoneMatch) {
    const tag = claimsTag(formatCursor(await claimSeqOf(articleId)), scope);
    if (tagMatches(request.ifNoneMatch, tag)) return { notModified: true, tag };
  }
  const answer = await listClaimSummaries(articleId, filter, user, request.since);
  return { notModified: false, tag: claimsTag(answer.cursor, scope), answer };
}

/**
 * The article page's list (decision 0007): summaries, the names of their authors and a cursor.
 * With `since` (a cursor from an earlier answer), only what changed after it: changed live
 * claims and the ids gone from the list. A cursor ahead of the article (a database restored
 * from a backup) answers the whole list with `reset: true`.
 */
export async function listClaimSummaries(
  articleId: string,
  filter: ClaimFilter,
  user: SessionUser,
  since?: string,
): Promise<ClaimSummaries> {
  const sinceSeq = since === undefined ? undefined : parseCursor(since);
  // The cursor is read first: whatever the claims read next, the client has every write up to it.
  const seq = await claimSeqOf(articleId);
  const cursor = formatCursor(seq);
  const scope = scopeOf(filter, user.id);

  if (sinceSeq !== undefined && sinceSeq <= seq) {
    if (sinceSeq === seq) return { claims: [], deleted: [], people: {}, cursor };
    const rows = await db.claim.findMany({
      where: { articleId, changeSeq: { gt: sinceSeq }, ...(scope.authorId ? { authorId: scope.authorId } : {}) },
      select: { ...summarySelect, deletedAt: true },
      orderBy: { changeSeq: "asc" },
    });
    const live = rows.filter((row) => !row.deletedAt);
    const ids = live.map((row) => row.id);
    const [sources, replies] = ids.length
      ? await Promise.all([sourceCounts({ claimId: { in: ids } }), replyCounts({ claimId: { in: ids } })])
      : [new Map<string, number>(), new Map<string, number>()];
    const counts = { sources, replies };
    const people = await namesOf(live.flatMap(peopleOfSummary));
    const { claims, deleted } = splitChanges(
      rows.map((row) => ({ ...toSummary(row, counts, people), deleted: row.deletedAt !== null })),
      scope,
    );
    return { claims, deleted, people: namesFor(people, claims), cursor };
  }

  const where = {
    articleId,
    deletedAt: null,
    ...(scope.authorId ? { authorId: scope.authorId } : {}),
    ...(scope.status ? { status: scope.status } : {}),
  } satisfies Prisma.ClaimWhereInput;
  const [rows, sources, replies] = await Promise.all([
    db.claim.findMany({ where, select: summarySelect, orderBy: readingOrder }),
    sourceCounts({ claim: where }),
    replyCounts({ claim: where }),
  ]);
  const people = await namesOf(rows.flatMap(peopleOfSummary));
  const claims = rows.map((row) => toSummary(row, { sources, replies }, people));
  return {
    claims,
    people: namesFor(people, claims),
    cursor,
    ...(sinceSeq !== undefined ? { reset: true as const } : {}),
  };
}
