import { personOf } from "./people";
import type { ReviewState } from "./review";
import { STATUSES, type ClaimStatus } from "./statuses";
import type { ClaimSummary, People, PersonRef } from "./types";

/** The panel's filter: whose claims ("mine", "everyone" or an editor's id), which status and review state. */
export interface ClaimFilterState {
  who: "mine" | "everyone" | (string & {});
  status: ClaimStatus | "all";
  review: ReviewFilter;
}

/** The review states the panel filters by ("none" is what Unverified claims have: the status filter finds them). */
export const REVIEW_FILTERS = ["awaiting_review", "signed_off", "returned"] as const satisfies readonly ReviewState[];
export type ReviewFilter = (typeof REVIEW_FILTERS)[number] | "all";

export function isReviewFilter(value: string): value is ReviewFilter {
  return value === "all" || (REVIEW_FILTERS as readonly string[]).includes(value);
}

export const DEFAULT_FILTER: ClaimFilterState = { who: "everyone", status: "all", review: "all" };

/** What the filters read of a claim: a summary is enough. */
type Filterable = Pick<ClaimSummary, "authorId" | "status"> & { review: Pick<ClaimSummary["review"], "state"> };

export function matchesFilter(claim: Filterable, filter: ClaimFilterState, currentUserId: string): boolean {
  const whoOk = filter.who === "everyone" || claim.authorId === (filter.who === "mine" ? currentUserId : filter.who);
  return (
    whoOk &&
    (filter.status === "all" || claim.status === filter.status) &&
    (filter.review === "all" || claim.review.state === filter.review)
  );
}

/** How many claims each review state has among those the "who" and status parts of the filter keep. */
export function reviewCounts(claims: readonly Filterable[], filter: ClaimFilterState, currentUserId: string) {
  const counts: Record<ReviewFilter, number> = { all: 0, awaiting_review: 0, signed_off: 0, returned: 0 };
  for (const claim of claims) {
    if (!matchesFilter(claim, { ...filter, review: "all" }, currentUserId)) continue;
    counts.all += 1;
    if (claim.review.state !== "none") counts[claim.review.state] += 1;
  }
  return counts;
}

/** How many claims each status has among those the "who" part of the filter keeps. */
export function statusCounts(claims: readonly Filterable[], filter: ClaimFilterState, currentUserId: string) {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  let all = 0;
  for (const claim of claims) {
    if (!matchesFilter(claim, { ...filter, status: "all", review: "all" }, currentUserId)) continue;
    counts[claim.status] += 1;
    all += 1;
  }
  return { all, ...counts };
}

/** The editors who have claims here, by name; the current user is listed as "mine" instead. */
export function editorsOf(claims: readonly Pick<ClaimSummary, "authorId">[], people: People, currentUserId: string): PersonRef[] {
  const ids = new Set(claims.map((claim) => claim.authorId));
  ids.delete(currentUserId);
  return [...ids]
    .map((id) => personOf(people, id))
    .sort((a, b) => a.name.localeCompare(b.name));
}
