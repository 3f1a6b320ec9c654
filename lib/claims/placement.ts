import { createLocator, type Anchor } from "@/lib/anchoring";
import type { ClaimStatus } from "./statuses";
import type { ClaimView, PersonRef } from "./types";

export interface Disagreement {
  claimId: string;
  author: PersonRef;
  status: ClaimStatus;
}

export interface PlacedClaim extends ClaimView {
  anchor: Anchor;
  /** Other editors' claims on the same passage with a different verdict. */
  disagreements: Disagreement[];
}

/**
 * Two claims are on "the same passage" when their ranges overlap by at least this share of their
 * union: the same sentence selected a word shorter still counts, a sentence and its paragraph do not.
 */
export const SAME_PASSAGE_OVERLAP = 0.6;

/** Anchors every claim in the article's current text and finds the disagreements between them. */
export function placeClaims(text: string, claims: ClaimView[]): PlacedClaim[] {
  const locate = createLocator(text);
  const placed = claims.map((claim) => ({
    ...claim,
    anchor: locate({
      position: { type: "TextPositionSelector", ...claim.position },
      quote: { type: "TextQuoteSelector", ...claim.quote },
    }),
    disagreements: [] as Disagreement[],
  }));

  // Rated claims by start: each is compared with those that begin before it ends (sweep).
  const rated = placed
    .filter((claim) => claim.status !== "UNVERIFIED" && claim.anchor.status === "anchored")
    .sort((a, b) => startOf(a) - startOf(b));
  for (let i = 0; i < rated.length; i++) {
    const a = rated[i]!;
    for (let j = i + 1; j < rated.length && startOf(rated[j]!) < endOf(a); j++) {
      const b = rated[j]!;
      if (a.author.id === b.author.id || a.status === b.status || overlapShare(a, b) < SAME_PASSAGE_OVERLAP) continue;
      a.disagreements.push({ claimId: b.id, author: b.author, status: b.status });
      b.disagreements.push({ claimId: a.id, author: a.author, status: a.status });
    }
  }
  return placed;
}

const startOf = (claim: PlacedClaim) => (claim.anchor.status === "anchored" ? claim.anchor.start : 0);
const endOf = (claim: PlacedClaim) => (claim.anchor.status === "anchored" ? claim.anchor.end : 0);

function overlapShare(a: PlacedClaim, b: PlacedClaim): number {
  const overlap = Math.min(endOf(a), endOf(b)) - Math.max(startOf(a), startOf(b));
  const union = Math.max(endOf(a), endOf(b)) - Math.min(startOf(a), startOf(b));
  return overlap > 0 ? overlap / union : 0;
}
