/**
 * What an editor can say about a claim. "Unverified" is where every claim starts; the others are
 * verdicts. Each verdict maps to a ClaimReview rating on a 1 (worst) … 5 (best) scale for the report.
 */
export const STATUSES = ["UNVERIFIED", "VERIFIED", "MOSTLY_TRUE", "MISLEADING", "FALSE", "UNPROVEN"] as const;
export type ClaimStatus = (typeof STATUSES)[number];

export interface StatusInfo {
  label: string;
  description: string;
  /** A conclusive verdict must show its evidence: it cannot be saved without a source. */
  needsSource: boolean;
  /** ClaimReview rating; null when the claim is not rated yet. */
  rating: { value: number; alternateName: string } | null;
}

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export const STATUS_INFO: Record<ClaimStatus, StatusInfo> = {
  UNVERIFIED: { label: "Unverified", description: "Not checked yet", needsSource: false, rating: null },
  VERIFIED: { label: "Verified", description: "Accurate, confirmed by sources", needsSource: true, rating: { value: 5, alternateName: "True" } },
  MOSTLY_TRUE: { label: "Mostly true", description: "Accurate but needs clarification", needsSource: true, rating: { value: 4, alternateName: "Mostly true" } },
  UNPROVEN: { label: "Unproven", description: "Checked, but the evidence is insufficient", needsSource: false, rating: { value: 3, alternateName: "Unproven" } },
  MISLEADING: { label: "Misleading", description: "Contains some truth but gives a false impression", needsSource: true, rating: { value: 2, alternateName: "Misleading" } },
  FALSE: { label: "False", description: "Contradicted by the evidence", needsSource: true, rating: { value: 1, alternateName: "False" } },
};

export function isStatus(value: string): value is ClaimStatus {
  return (STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: string): string {
  return isStatus(status) ? STATUS_INFO[status].label : status;
}

/** Null when the claim may have this status with this many sources, else the reason it may not. */
export function statusRuleViolation(status: ClaimStatus, sourceCount: number): string | null {
  if (STATUS_INFO[status].needsSource && sourceCount === 0) {
    return `Add at least one source before marking this claim as ${STATUS_INFO[status].label}.`;
  }
  return null;
}
