import { personOf } from "./people";
import { STATUSES, type ClaimStatus } from "./statuses";
import type { ClaimSummary, People, PersonRef } from "./types";

/** The panel's filter: whose claims ("mine", "everyone" or an editor's id) and which status. */
export interface ClaimFilterState {
  who: "mine" | "everyone" | (string & {});
  status: ClaimStatus | "all";
}

export const DEFAULT_FILTER: ClaimFilterState = { who: "everyone", status: "all" };

/** What the filters read of a claim: a summary is enough. */
type Filterable = Pick<ClaimSummary, "authorId" | "status">;

export function matchesFilter(claim: Filterable, filter: ClaimFilterState, currentUserId: string): boolean {
  const whoOk = filter.who === "everyone" || claim.authorId === (filter.who === "mine" ? currentUserId : filter.who);
  return whoOk && (filter.status === "all" || claim.status === filter.status);
}

/** How many claims each status has among those the "who" part of the filter keeps. */
export function statusCounts(claims: readonly Filterable[], filter: ClaimFilterState, currentUserId: string) {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  let all = 0;
  for (const claim of claims) {
    if (!matchesFilter(claim, { ...filter, status: "all" }, currentUserId)) continue;
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
