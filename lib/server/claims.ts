import "server-only";
import {
  claimNotFound,
  createdDetails,
  planCreate,
  planDelete,
  planReassign,
  planUpdate,
  staleClaim,
  updatedDetails,
  type PlannedEvent,
} from "@/lib/claims/changes";
import { claimsTag, formatCursor, parseCursor, scopeOf, splitChanges, tagMatches } from "@/lib/claims/feed";
import { isEventKind } from "@/lib/claims/history";
import { NO_REVIEW, isReviewState, type ReviewChange, type ReviewView } from "@/lib/claims/review";
import type { ClaimFilter, CreateClaimInput, PlaceClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus, type ClaimStatus } from "@/lib/claims/statuses";
import { canEditArticle } from "@/lib/articles/revisions";
import {
  anchorMethodOf,
  anchorStateOf,
  anchorView,
  carryToRevision,
  markedColumns,
  planPlacement,
} from "@/lib/claims/reanchor";
import { canOverrideClaims, reassignRefusal } from "@/lib/users/admin";
import { isRole } from "@/lib/users/roles";
import type {
  AnchorView,
  ClaimDetails,
  ClaimEventView,
  ClaimSummaries,
  ClaimSummary,
  ClaimView,
  People,
} from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import type { Prisma } from "@/generated/prisma/client";
import { articleNotFound } from "./articles";
import { db, writeTransaction, type Tx } from "./db";
import { replyCounts } from "./discussion";
import { publishChange } from "./live-bus";
import type { SessionUser } from "./session";

/*
 * Claims in the database: reads, and writes of what lib/claims/changes.ts decides. Each write is
 * one short transaction (decisions 0005, 0007): bump the article's claimSeq, write the claim
 * with the version read in its `where`, then its sources and history; the answer is composed
 * from what was read before and what the write returned, never read back.
 */

const statusOf = (value: string): ClaimStatus => (isStatus(value) ? value : "UNVERIFIED");
const iso = (date: Date) => date.toISOString();

/** Display names by id; one query for every person an answer names. */
async function namesOf(ids: Iterable<string>): Promise<People> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return {};
  const rows = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

const person = (people: People, id: string) => ({ id, name: people[id] ?? "" });

// ---------------------------------------------------------------------------------------------
// Summaries and the change feed

/** The columns of a claim's current anchor (lib/claims/reanchor.ts), for summaries and details. */
const anchorSelect = {
  anchorState: true,
  anchorRevision: true,
  anchorStart: true,
  anchorEnd: true,
  anchorMethod: true,
  anchorReason: true,
  quoteExact: true,
} satisfies Prisma.ClaimSelect;

type AnchorRow = Prisma.ClaimGetPayload<{ select: typeof anchorSelect }>;

/** The claim's current review, copied on its row from the latest decision (decision 0015). */
export const reviewSelect = {
  reviewState: true,
  reviewById: true,
  reviewAt: true,
  reviewComment: true,
} satisfies Prisma.ClaimSelect;

type ReviewRow = Prisma.ClaimGetPayload<{ select: typeof reviewSelect }>;

export function reviewOf(row: ReviewRow, people: People): ReviewView {
  if (!isReviewState(row.reviewState) || row.reviewState === "none") return NO_REVIEW;
  return {
    state: row.reviewState,
    by: row.reviewById ? person(people, row.reviewById) : null,
    at: row.reviewAt ? iso(row.reviewAt) : null,
    comment: row.reviewComment,
  };
}

/** The columns an author's write sets when it changes the review: the state, nobody's decision yet. */
function reviewColumns(change: ReviewChange, at: Date) {
  return {
    reviewState: change.state,
    reviewById: null,
    reviewAt: change.state === "none" ? null : at,
    reviewComment: null,
  };
}

function anchorOf(row: AnchorRow): AnchorView {
  const state = anchorStateOf(row.anchorState);
  return {
    state,
    revision: row.anchorRevision,
    start: row.anchorStart,
    end: row.anchorEnd,
    method: anchorMethodOf(row.anchorMethod),
    // The card shows what the claim quoted before the text changed.
    ...(state === "placed" ? {} : { previous: row.quoteExact }),
    ...(state === "not_placed" && row.anchorReason ? { reason: row.anchorReason } : {}),
  };
}

/** Reading order in the current revision; claims that could not be placed come last. */
const readingOrder = [
  { anchorStart: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
] satisfies Prisma.ClaimOrderByWithRelationInput[];

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

// ---------------------------------------------------------------------------------------------
// Whole claims: details, history, full listings

const detailsSelect = {
  id: true,
  articleId: true,
  authorId: true,
  revision: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  ...anchorSelect,
  ...reviewSelect,
  status: true,
  note: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  sources: {
    select: { id: true, url: true, title: true, publisher: true, excerpt: true, createdAt: true, addedById: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type DetailsRow = Prisma.ClaimGetPayload<{ select: typeof detailsSelect }>;

const eventSelect = {
  id: true,
  claimId: true,
  kind: true,
  fromValue: true,
  toValue: true,
  createdAt: true,
  actorId: true,
} satisfies Prisma.ClaimEventSelect;

// Events of one write share a timestamp; cuids grow within a process, so id keeps write order.
const eventOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ClaimEventOrderByWithRelationInput[];

type EventRow = Prisma.ClaimEventGetPayload<{ select: typeof eventSelect }>;

const peopleOfDetails = (row: DetailsRow) => [
  row.authorId,
  ...(row.reviewById ? [row.reviewById] : []),
  ...row.sources.map((source) => source.addedById),
];

function toDetails(row: DetailsRow, people: People): ClaimDetails {
  return {
    id: row.id,
    articleId: row.articleId,
    author: person(people, row.authorId),
    revision: row.revision,
    position: { start: row.start, end: row.end },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    anchor: anchorOf(row),
    status: statusOf(row.status),
    review: reviewOf(row, people),
    note: row.note,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    sources: row.sources.map(({ addedById, createdAt, ...source }) => ({
      ...source,
      addedBy: person(people, addedById),
      createdAt: iso(createdAt),
    })),
  };
}

function toEvents(rows: EventRow[], people: People): ClaimEventView[] {
  return rows.flatMap((event) =>
    isEventKind(event.kind)
      ? [
          {
            id: event.id,
            kind: event.kind,
            actor: person(people, event.actorId),
            from: event.fromValue,
            to: event.toValue,
            at: iso(event.createdAt),
          },
        ]
      : [],
  );
}

/** A live claim with its sources and the names they need, or null. */
async function readDetails(id: string): Promise<ClaimDetails | null> {
  if (!isRecordId(id)) return null;
  const row = await db.claim.findFirst({ where: { id, deletedAt: null }, select: detailsSelect });
  return row ? toDetails(row, await namesOf(peopleOfDetails(row))) : null;
}

/** One claim as a card shows it, without history: 404 when deleted or unknown. */
export async function getClaimDetails(id: string): Promise<ClaimDetails> {
  const claim = await readDetails(id);
  if (!claim) throw claimNotFound();
  return claim;
}

/** A claim's history, oldest first: 404 when deleted or unknown. */
export async function getClaimHistory(id: string): Promise<ClaimEventView[]> {
  if (!isRecordId(id)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: { events: { select: eventSelect, orderBy: eventOrder } },
  });
  if (!claim) throw claimNotFound();
  return toEvents(claim.events, await namesOf(claim.events.map((event) => event.actorId)));
}

/**
 * Every live claim of the article in full, in reading order: for the W3C collection and the
 * verification report. History only when asked for (the report's "last change" and editors).
 */
export async function listClaims(
  articleId: string,
  filter: ClaimFilter,
  user: SessionUser,
  options: { history: boolean } = { history: false },
): Promise<ClaimView[]> {
  await claimSeqOf(articleId);
  const scope = scopeOf(filter, user.id);
  const rows = await db.claim.findMany({
    where: {
      articleId,
      deletedAt: null,
      ...(scope.authorId ? { authorId: scope.authorId } : {}),
      ...(scope.status ? { status: scope.status } : {}),
    },
    select: { ...detailsSelect, ...(options.history ? { events: { select: eventSelect, orderBy: eventOrder } } : {}) },
    orderBy: readingOrder,
  });
  const eventsOf = (row: DetailsRow): EventRow[] => ("events" in row ? (row.events as EventRow[]) : []);
  const people = await namesOf(
    rows.flatMap((row) => [...peopleOfDetails(row), ...eventsOf(row).map((e) => e.actorId)]),
  );
  return rows.map((row) => ({ ...toDetails(row, people), history: toEvents(eventsOf(row), people) }));
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * The transaction's first statement: the article's claimSeq moves on and the new value stamps
 * the claim (Claim.changeSeq). It takes the article row's write lock until commit, so writers of
 * one article commit in cursor order (decision 0007).
 */
export async function nextClaimSeq(tx: Tx, articleId: string, revision?: number): Promise<number> {
  try {
    // One statement (UPDATE … RETURNING). Prisma's @updatedAt moves Article.updatedAt with it.
    const article = await tx.article.update({
      where: { id: articleId, ...(revision !== undefined ? { revision } : {}) },
      data: { claimSeq: { increment: 1 } },
      select: { claimSeq: true },
    });
    return article.claimSeq;
  } catch (error) {
    // P2025: the article went away since the claim was read, or (with `revision`) a new revision
    // was saved: the claim's offsets were checked against text that is no longer current.
    if (error instanceof Error && "code" in error && error.code === "P2025") {
      throw revision === undefined ? articleNotFound() : articleChangedWhileMarking();
    }
    throw error;
  }
}

export function eventRows(events: PlannedEvent[], claimId: string, actorId: string, at: Date) {
  return events.map((event) => ({ ...event, claimId, actorId, createdAt: at }));
}

export async function createClaim(
  user: SessionUser,
  articleId: string,
  input: CreateClaimInput,
): Promise<ClaimDetails> {
  if (!isRecordId(articleId)) throw articleNotFound();
  // Read before the write; the write proves the article is still at this revision (below).
  const article = await db.article.findUnique({ where: { id: articleId }, select: { text: true, revision: true } });
  if (!article) throw articleNotFound();
  const selectors =
    input.revision === undefined || input.revision === article.revision
      ? input
      : await carriedToCurrent(articleId, input, input.revision, article);
  const plan = planCreate(article.text, selectors);
  const at = new Date();
  const id = await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, articleId, article.revision);
    const claim = await tx.claim.create({
      data: {
        ...plan.claim,
        ...markedColumns(article.revision, plan.claim),
        reviewState: plan.review,
        reviewAt: plan.review === "none" ? null : at,
        articleId,
        authorId: user.id,
        changeSeq,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true },
    });
    await tx.claimEvent.createMany({ data: eventRows(plan.events, claim.id, user.id, at) });
    await publishChange(tx, {
      articleId,
      seq: changeSeq,
      kind: "claim.created",
      claimId: claim.id,
      actor: { id: user.id, name: user.name },
      inbox: plan.review === "none" ? [] : "article",
    });
    return claim.id;
  });
  // The author is the signed-in editor, named as their session names them.
  return createdDetails(plan, {
    id,
    articleId,
    author: { id: user.id, name: user.name },
    at,
    revision: article.revision,
  });
}

/**
 * A claim marked in an older revision (two editors at once: one saved a revision while the other
 * was selecting): placed in the current text by the same engine as every claim, when it finds the
 * passage verbatim; else refused, never stored at offsets of the wrong text.
 */
async function carriedToCurrent(
  articleId: string,
  input: CreateClaimInput,
  revision: number,
  current: { text: string; revision: number },
): Promise<CreateClaimInput> {
  const old = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number: revision } },
    select: { text: true },
  });
  if (!old || revision > current.revision) {
    throw new Problem(
      "invalid",
      `This article has no revision ${revision}: reload the article and mark the claim again.`,
    );
  }
  const carried = carryToRevision(old.text, current.text, input);
  if (!carried) throw articleChangedWhileMarking();
  return carried;
}

const articleChangedWhileMarking = () =>
  new Problem(
    "conflict",
    "The article was revised while you were marking this claim, and the passage changed: reload it and mark the claim again.",
  );

export async function updateClaim(user: SessionUser, id: string, input: UpdateClaimInput): Promise<ClaimDetails> {
  const before = await readDetails(id);
  const plan = planUpdate(
    before && { ...before, authorId: before.author.id, reviewState: before.review.state },
    input,
    user.id,
  );
  const claim = before!; // planUpdate refused a missing claim
  const at = new Date();
  const added = await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, claim.articleId);
    // Optimistic concurrency: only the version that was read and checked may be written.
    const written = await tx.claim.updateMany({
      where: { id, authorId: user.id, version: plan.expectedVersion, deletedAt: null },
      data: {
        ...plan.set,
        ...(plan.review ? reviewColumns(plan.review, at) : {}),
        version: plan.version,
        changeSeq,
        updatedAt: at,
      },
    });
    if (written.count !== 1) throw staleClaim();
    // The decision the change undid stays, marked superseded (History shows it so).
    if (plan.review?.superseded)
      await tx.review.updateMany({ where: { claimId: id, supersededAt: null }, data: { supersededAt: at } });
    if (plan.removeSourceIds.length)
      await tx.source.deleteMany({ where: { id: { in: plan.removeSourceIds }, claimId: id } });
    const sources = plan.addSources.length
      ? await tx.source.createManyAndReturn({
          data: plan.addSources.map((source) => ({ ...source, claimId: id, addedById: user.id, createdAt: at })),
          select: { id: true, url: true, title: true, publisher: true, excerpt: true, createdAt: true },
        })
      : [];
    if (plan.events.length) await tx.claimEvent.createMany({ data: eventRows(plan.events, id, user.id, at) });
    await publishChange(tx, {
      articleId: claim.articleId,
      seq: changeSeq,
      kind: "claim.updated",
      claimId: id,
      actor: { id: user.id, name: user.name },
      // Its review state moved: it enters or leaves colleagues' "awaiting my review".
      inbox: plan.review ? "article" : [],
    });
    return sources;
  });
  return updatedDetails(claim, plan, { at, addedBy: claim.author, added });
}

/**
 * Confirm or Re-attach (lib/claims/reanchor.ts planPlacement): by the claim's author, or by
 * whoever may edit the article (its editor, admins). The claim keeps its rating, sources and
 * history; it now quotes the chosen passage of the current revision.
 */
export async function placeClaim(user: SessionUser, id: string, input: PlaceClaimInput): Promise<ClaimDetails> {
  const before = await readDetails(id);
  if (!before) throw claimNotFound();
  const article = await db.article.findUnique({
    where: { id: before.articleId },
    select: { text: true, revision: true, createdById: true },
  });
  if (!article) throw articleNotFound();
  if (before.author.id !== user.id && !canEditArticle({ id: user.id, role: roleOf(user.role) }, article)) {
    throw new Problem("forbidden", "Only the claim's author or the article's editor can move this claim.");
  }
  if (input.version !== before.version) throw staleClaim();
  if (before.anchor.revision !== article.revision && input.decision === "confirm") {
    throw new Problem("conflict", "The article was revised again: reload it and confirm the claim in the new text.");
  }
  const plan = planPlacement(
    article.text,
    article.revision,
    before.anchor,
    input.decision === "confirm" ? { kind: "confirm" } : { kind: "reattach", ...input.position },
  );
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, before.articleId, article.revision);
    const written = await tx.claim.updateMany({
      where: { id, version: before.version, deletedAt: null },
      data: {
        anchorState: plan.anchor.state,
        anchorRevision: plan.anchor.revision,
        anchorStart: plan.anchor.start,
        anchorEnd: plan.anchor.end,
        anchorMethod: plan.anchor.method,
        anchorScore: plan.anchor.score,
        anchorReason: null,
        quoteExact: plan.quote.exact,
        quotePrefix: plan.quote.prefix,
        quoteSuffix: plan.quote.suffix,
        quoteStart: plan.quote.start,
        quoteEnd: plan.quote.end,
        version: before.version + 1,
        changeSeq,
        updatedAt: at,
      },
    });
    if (written.count !== 1) throw staleClaim();
    await tx.claimEvent.createMany({ data: eventRows([plan.event], id, user.id, at) });
    await publishChange(tx, {
      articleId: before.articleId,
      seq: changeSeq,
      kind: "claim.placed",
      claimId: id,
      actor: { id: user.id, name: user.name },
      inbox: [],
    });
  });
  return {
    ...before,
    anchor: anchorView(plan.anchor, plan.quote.exact),
    version: before.version + 1,
    updatedAt: at.toISOString(),
  };
}

const roleOf = (role: string) => (isRole(role) ? role : "EDITOR");

export async function deleteClaim(user: SessionUser, id: string, version?: number): Promise<void> {
  if (!isRecordId(id)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: { articleId: true, authorId: true, version: true },
  });
  const asAdmin = canOverrideClaims(roleOf(user.role));
  const plan = planDelete(claim, version, user.id, { asAdmin });
  const { articleId } = claim!; // planDelete refused a missing claim
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, articleId);
    const written = await tx.claim.updateMany({
      // An admin deletes whoever's claim it is (the history names the admin); an editor only their own.
      where: { id, ...(asAdmin ? {} : { authorId: user.id }), version: plan.expectedVersion, deletedAt: null },
      data: { deletedAt: at, version: plan.version, changeSeq, updatedAt: at },
    });
    if (written.count !== 1) throw staleClaim();
    await tx.claimEvent.createMany({ data: eventRows(plan.events, id, user.id, at) });
    await publishChange(tx, {
      articleId,
      seq: changeSeq,
      kind: "claim.deleted",
      claimId: id,
      actor: { id: user.id, name: user.name },
      inbox: "article",
    });
  });
}

/**
 * An admin gives a claim to another active editor (lib/users/admin.ts): the claim, its rating,
 * sources and history stay; the author changes, and History says "reassigned … from A to B"
 * with the admin as the actor. 409 when the claim changed since the admin loaded it.
 */
export async function reassignClaim(
  user: SessionUser,
  id: string,
  input: { version: number; authorId: string },
): Promise<ClaimDetails> {
  if (!canOverrideClaims(roleOf(user.role))) {
    throw new Problem("forbidden", "Only admins reassign claims: ask an admin to give this claim to another editor.");
  }
  const before = await readDetails(id);
  if (!before) throw claimNotFound();
  const target = isRecordId(input.authorId)
    ? await db.user.findUnique({ where: { id: input.authorId }, select: { id: true, name: true, deactivatedAt: true } })
    : null;
  const refusal = reassignRefusal(before.author.id, target && { id: target.id, active: target.deactivatedAt === null });
  if (refusal) throw new Problem("invalid", refusal);
  const to = { id: target!.id, name: target!.name };
  const plan = planReassign({ authorId: before.author.id, version: before.version }, input.version, before.author, to);
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, before.articleId);
    const written = await tx.claim.updateMany({
      where: { id, authorId: before.author.id, version: plan.expectedVersion, deletedAt: null },
      data: { authorId: to.id, version: plan.version, changeSeq, updatedAt: at },
    });
    if (written.count !== 1) throw staleClaim();
    // The target may have been deactivated meanwhile: checked again inside the write.
    const still = await tx.user.count({ where: { id: to.id, deactivatedAt: null } });
    if (still !== 1)
      throw new Problem("invalid", "That account was just deactivated: reassign the claim to an active editor.");
    await tx.claimEvent.createMany({ data: eventRows([plan.event], id, user.id, at) });
    await publishChange(tx, {
      articleId: before.articleId,
      seq: changeSeq,
      kind: "claim.reassigned",
      claimId: id,
      actor: { id: user.id, name: user.name },
      inbox: "article",
    });
  });
  return { ...before, author: to, version: plan.version, updatedAt: at.toISOString() };
}
