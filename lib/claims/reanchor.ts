import { createLocator, describeRange, type Anchor, type ClaimSelectors } from "@/lib/anchoring";

/**
 * Where a claim stands in an article's current revision:
 * - placed: its quote was found verbatim (at its old position or moved); nothing to do;
 * - needs_confirmation: found only approximately (the text changed inside or around it); an
 *   editor confirms the new passage or re-attaches the claim;
 * - not_placed: the engine could not place it with confidence (deleted, rewritten, ambiguous).
 * Never placed silently where the engine is unsure: only its confident verbatim matches count.
 */
export type AnchorState = "placed" | "needs_confirmation" | "not_placed";

export type AnchorMethod = "position" | "exact" | "fuzzy" | "confirmed" | "reattached";

export interface ClaimAnchor {
  state: AnchorState;
  /** The revision these offsets are into. */
  revision: number;
  /** Offsets into that revision's plain text; null when not placed. */
  start: number | null;
  end: number | null;
  method: AnchorMethod | null;
  /** The engine's score (0..1); 1 for a person's decision. */
  score: number;
  /** Why the claim was not placed, for the card. */
  reason: string | null;
}

/** What re-anchoring needs of a claim: the passage it last quoted, with its context and position. */
export interface AnchorableClaim {
  id: string;
  selectors: ClaimSelectors;
}

/** The state an engine anchor maps to. */
export function anchorFromEngine(anchor: Anchor, revision: number): ClaimAnchor {
  if (anchor.status === "orphaned") {
    return { state: "not_placed", revision, start: null, end: null, method: null, score: 0, reason: anchor.reason };
  }
  return {
    state: anchor.method === "fuzzy" ? "needs_confirmation" : "placed",
    revision,
    start: anchor.start,
    end: anchor.end,
    method: anchor.method,
    score: anchor.score,
    reason: null,
  };
}

/**
 * Re-anchors every claim of an article in its new revision's text, with one locator (the text is
 * normalised once for all claims). Returns each claim's anchor by id.
 */
export function reanchorClaims(
  text: string,
  revision: number,
  claims: readonly AnchorableClaim[],
): Map<string, ClaimAnchor> {
  const locate = createLocator(text);
  const anchors = new Map<string, ClaimAnchor>();
  for (const claim of claims) anchors.set(claim.id, anchorFromEngine(locate(claim.selectors), revision));
  return anchors;
}

/**
 * The selectors a claim quotes once a person has decided where it sits in `text` (confirmed the
 * engine's approximate match, or re-attached it by hand): the passage, its context, its position.
 */
export function selectorsAt(text: string, start: number, end: number): ClaimSelectors {
  return describeRange(text, start, end);
}
