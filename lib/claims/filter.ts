import { STATUSES, type ClaimStatus } from "./statuses";
import type { ClaimView, PersonRef } from "./types";

/** The panel's filter: whose claims ("mine", "everyone" or an editor's id) and which status. */
export interface ClaimFilterState {
  who: "mine" | "everyone" | (string & {});
  status: ClaimStatus | "all";
}

export const DEFAULT_FILTER: ClaimFilterState = { who: "everyone", status: "all" };

export function matchesFilter(claim: ClaimView, filter: ClaimFilterState, currentUserId: string): boolean {
  const whoOk =
    filter.who === "everyone" || claim.author.id === (filter.who === "mine" ? currentUserId : filter.who);
  return whoOk && (filter.status === "all" || claim.status === filter.status);
}

/** How many claims each status has among those the "who" part of the filter keeps. */
export function statusCounts(claims: ClaimView[], filter: ClaimFilterState, currentUserId: string) {
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
export function editorsOf(claims: ClaimView[], currentUserId: string): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const claim of claims) if (claim.author.id !== currentUserId) byId.set(claim.author.id, claim.author);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
