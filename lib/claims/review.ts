import { Problem } from "@/lib/errors";
import type { ReviewClaimInput } from "./schemas";
import type { ClaimStatus } from "./statuses";
import type { PersonRef } from "./types";

/*
 * The review rules (issue 10, decision 0015): a second editor signs off every verdict. Pure
 * functions from what was read to what to write, used by lib/server (claims.ts, reviews.ts) and
 * by the card (who sees Approve / Return for changes).
 */

export const REVIEW_STATES = ["none", "awaiting_review", "signed_off", "returned"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_DECISIONS = ["approve", "return"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const MAX_REVIEW_COMMENT = 2000;

/**
 * A claim's review as its JSON carries it. `by` is the reviewer (null while none or awaiting),
 * `at` when the state began (null for none), `comment` the reviewer's (null when none was given).
 */
export interface ReviewView {
  state: ReviewState;
  by: PersonRef | null;
  at: string | null;
  comment: string | null;
}

export const NO_REVIEW: ReviewView = { state: "none", by: null, at: null, comment: null };

export function isReviewState(value: string): value is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(value);
}

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  none: "No verdict yet",
  awaiting_review: "Awaiting review",
  signed_off: "Signed off",
  returned: "Returned",
};

/** A new claim: rated (any status but Unverified) means it waits for a second editor. */
export function initialReviewState(status: ClaimStatus): ReviewState {
  return status === "UNVERIFIED" ? "none" : "awaiting_review";
}

/** What the author's write does to the review: the state to write, and whether an earlier decision stops holding. */
export interface ReviewChange {
  state: ReviewState;
  /** A sign-off or a return is no longer current: its Review row is marked superseded, History says so. */
  superseded: boolean;
}

/**
 * The review after the author changed the claim (`changed`: its status, a source or the note),
 * or null when the review stays as it is. A changed claim with a verdict awaits review (again);
 * one set back to Unverified has nothing to review. Reviewed or returned claims lose that review.
 */
export function reviewAfterChange(
  current: ReviewState,
  status: ClaimStatus,
  changed: boolean,
): ReviewChange | null {
  if (!changed) return null;
  const state: ReviewState = status === "UNVERIFIED" ? "none" : "awaiting_review";
  const superseded = current === "signed_off" || current === "returned";
  if (state === current && !superseded) return null;
  return { state, superseded };
}

/** Whether `userId` may approve or return the claim now: another editor than its author, while it awaits review. */
export function canReview(claim: { authorId: string; reviewState: ReviewState }, userId: string): boolean {
  return claim.authorId !== userId && claim.reviewState === "awaiting_review";
}

/** A claim as read for a review. */
export interface ClaimForReview {
  authorId: string;
  version: number;
  status: ClaimStatus;
  reviewState: ReviewState;
}

export interface ReviewPlan {
  expectedVersion: number;
  version: number;
  decision: ReviewDecision;
  state: "signed_off" | "returned";
  comment: string | null;
  event: { kind: "approved" | "returned"; fromValue: null; toValue: string | null };
}

export const ownClaimReview = () =>
  new Problem("forbidden", "You cannot review your own claim: another editor must approve it or return it.");

/**
 * A reviewer's decision on the claim read as `claim` (null when no live claim has the id):
 * 404 missing, 403 the author's own, 409 changed since loaded or no longer awaiting review,
 * 422 an Unverified claim or a return without a comment.
 */
export function planReview(claim: ClaimForReview | null | undefined, input: ReviewClaimInput, reviewerId: string): ReviewPlan {
  if (!claim) throw new Problem("not_found", "There is no such claim. It may have been deleted.");
  if (claim.authorId === reviewerId) throw ownClaimReview();
  if (input.version !== claim.version) {
    throw new Problem(
      "conflict",
      "The claim changed after you loaded it. Reload to see what its author changed, then review it again.",
    );
  }
  if (claim.status === "UNVERIFIED") {
    throw new Problem("invalid", "This claim is Unverified: there is no verdict to review until its author rates it.");
  }
  if (claim.reviewState === "signed_off") throw new Problem("conflict", "This claim is already signed off.");
  if (claim.reviewState === "returned") {
    throw new Problem("conflict", "This claim was returned to its author: it can be reviewed again once they change it.");
  }
  const comment = input.comment?.trim() || null;
  if (input.decision === "return" && !comment) throw returnNeedsComment();
  return {
    expectedVersion: claim.version,
    version: claim.version + 1,
    decision: input.decision,
    state: input.decision === "approve" ? "signed_off" : "returned",
    comment,
    event: { kind: input.decision === "approve" ? "approved" : "returned", fromValue: null, toValue: comment },
  };
}

export const returnNeedsComment = () =>
  new Problem("invalid", "Say what the author should change: returning a claim needs a comment.");

/**
 * The ids of review events ("approved", "returned") that a later "review_superseded" event
 * undid: History marks them superseded. Events oldest first.
 */
export function supersededReviewEvents(events: ReadonlyArray<{ id: string; kind: string }>): Set<string> {
  const superseded = new Set<string>();
  let pending: string[] = [];
  for (const event of events) {
    if (event.kind === "approved" || event.kind === "returned") pending.push(event.id);
    else if (event.kind === "review_superseded") {
      for (const id of pending) superseded.add(id);
      pending = [];
    }
  }
  return superseded;
}

/** The card's line about the review, for everyone (the author included); null when there is none. */
export function reviewLine(review: ReviewView, formatDate: (iso: string) => string): string | null {
  switch (review.state) {
    case "none":
      return null;
    case "awaiting_review":
      return "Awaiting review";
    case "signed_off":
      return `Signed off by ${review.by?.name ?? "an editor"}${review.at ? `, ${formatDate(review.at)}` : ""}`;
    case "returned":
      return `Returned by ${review.by?.name ?? "an editor"}${review.comment ? `: ${review.comment}` : ""}`;
  }
}
