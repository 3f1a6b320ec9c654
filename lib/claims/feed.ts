import { Problem } from "@/lib/errors";
import type { ClaimStatus } from "./statuses";
import type { ClaimDetails, ClaimSummaries, ClaimSummary, People } from "./types";

/**
 * The article's claim change feed (decision 0007), both ends: the cursor and entity tag the
 * server hands out, which changed claims a filtered list reports, and how the page merges a
 * change set into what it has.
 */

/** A list's filter with "me" resolved: whose claims (undefined: everyone's) and which status. */
export interface ClaimScope {
  authorId?: string;
  status?: ClaimStatus;
}

/** The filter of GET …/annotations with "me" resolved to the signed-in editor. */
export function scopeOf(filter: { user?: string; status?: ClaimStatus }, currentUserId: string): ClaimScope {
  return {
    ...(filter.user ? { authorId: filter.user === "me" ? currentUserId : filter.user } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

/** The cursor is Article.claimSeq; clients treat it as opaque. */
export function formatCursor(seq: number): string {
  return String(seq);
}

/** A cursor a client sent back: 400 (malformed) unless it is one this server could have handed out. */
export function parseCursor(cursor: string): number {
  const seq = /^\d{1,15}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(seq)) {
    throw new Problem(
      "malformed",
      `"since" must be a cursor from an earlier answer of this list (got "${cursor.slice(0, 40)}"). Reload the claims without "since".`,
    );
  }
  return seq;
}

/**
 * The entity tag of a list: the cursor it brings the client to and the filter. Weak, because a
 * full list and a change set reaching the same cursor differ in bytes but leave the client in
 * the same state. "v1" changes with the answer's format, so a tag from an older build never matches.
 */
export function claimsTag(cursor: string, scope: ClaimScope): string {
  const author = scope.authorId ? encodeURIComponent(scope.authorId) : "all";
  return `W/"claims-v1-${cursor}-${author}-${scope.status ?? "all"}"`;
}

/** Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 asks for it). */
export function tagMatches(ifNoneMatch: string | null | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  const wanted = opaque(tag);
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || opaque(candidate) === wanted);
}

export function inScope(claim: Pick<ClaimSummary, "authorId" | "status">, scope: ClaimScope): boolean {
  return (!scope.authorId || claim.authorId === scope.authorId) && (!scope.status || claim.status === scope.status);
}

/**
 * A change set from the claims changed after a cursor (deleted ones included): the live ones in
 * scope are changed, every other one is gone from the list (deleted, or out of its filter now).
 */
export function splitChanges(
  changed: ReadonlyArray<ClaimSummary & { deleted: boolean }>,
  scope: ClaimScope,
): { claims: ClaimSummary[]; deleted: string[] } {
  const claims: ClaimSummary[] = [];
  const deleted: string[] = [];
  for (const { deleted: isDeleted, ...claim } of changed) {
    if (!isDeleted && inScope(claim, scope)) claims.push(claim);
    else deleted.push(claim.id);
  }
  return { claims, deleted };
}

/** What the page holds of the list: summaries, the names they need, and where the feed is. */
export interface ClaimsState {
  claims: ClaimSummary[];
  people: People;
  cursor: string;
}

/**
 * Applies an answer of the list. A full list (or a reset) replaces everything; a change set
 * drops the deleted ids and puts in the changed claims, except over a newer version the page
 * already has (its own write answered after the feed was read). Unchanged, it returns `state`.
 */
export function applyClaimsAnswer(state: ClaimsState, answer: ClaimSummaries): ClaimsState {
  if (!answer.deleted || answer.reset) return { claims: answer.claims, people: answer.people, cursor: answer.cursor };
  if (answer.claims.length === 0 && answer.deleted.length === 0) {
    return answer.cursor === state.cursor ? state : { ...state, cursor: answer.cursor };
  }
  const gone = new Set(answer.deleted);
  const incoming = new Map(answer.claims.map((claim) => [claim.id, claim]));
  const claims: ClaimSummary[] = [];
  for (const claim of state.claims) {
    if (gone.has(claim.id)) continue;
    const next = incoming.get(claim.id);
    incoming.delete(claim.id);
    claims.push(next && next.version >= claim.version ? next : claim);
  }
  claims.push(...incoming.values());
  return { claims, people: { ...state.people, ...answer.people }, cursor: answer.cursor };
}

/**
 * A claim's summary from its details (the answer to GET, POST or PATCH of one claim). Details
 * do not carry the discussion: its count is the list's (or 0 for a new claim).
 */
export function summaryOf(claim: ClaimDetails, replyCount = 0): ClaimSummary {
  return {
    id: claim.id,
    authorId: claim.author.id,
    start: claim.position.start,
    end: claim.position.end,
    anchor: claim.anchor,
    status: claim.status,
    review: claim.review,
    version: claim.version,
    sourceCount: claim.sources.length,
    replyCount,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

/** Puts one claim's details into the list (new, or newer than what the list has); the cursor stays. */
export function withClaim(state: ClaimsState, claim: ClaimDetails): ClaimsState {
  const index = state.claims.findIndex((c) => c.id === claim.id);
  const summary = summaryOf(claim, state.claims[index]?.replyCount ?? 0);
  const people =
    state.people[claim.author.id] === claim.author.name
      ? state.people
      : { ...state.people, [claim.author.id]: claim.author.name };
  if (index < 0) return { ...state, people, claims: [...state.claims, summary] };
  if ((state.claims[index]?.version ?? 0) > summary.version) return state;
  const claims = state.claims.slice();
  claims[index] = summary;
  return { ...state, people, claims };
}

/** Drops a claim (deleted here, or found deleted); the cursor stays. */
export function withoutClaim(state: ClaimsState, id: string): ClaimsState {
  return state.claims.some((c) => c.id === id) ? { ...state, claims: state.claims.filter((c) => c.id !== id) } : state;
}
