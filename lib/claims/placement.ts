import { createLocator, type Anchor } from "@/lib/anchoring";
import { personOf } from "./people";
import { anchorFromEngine, type AnchorState } from "./reanchor";
import type { ClaimStatus } from "./statuses";
import type { AnchorView, ClaimSummary, People, PersonRef } from "./types";

export interface Disagreement {
  claimId: string;
  author: PersonRef;
  status: ClaimStatus;
}

/** What placement needs of a claim: the full claims of a report and the page's summaries alike. */
export interface PlaceableClaim {
  id: string;
  author: PersonRef;
  status: ClaimStatus;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  /** Where the server placed it in the current revision; without it, the engine places it here. */
  anchor?: AnchorView;
}

/**
 * Where a claim is drawn: the engine's anchor shape (anchored with offsets, or orphaned with a
 * reason), with the revision state and the passage it quoted before when the text changed.
 */
export type Placement = Anchor & { state: AnchorState; previous?: string };

export type Placed<T extends PlaceableClaim> = Omit<T, "anchor"> & {
  anchor: Placement;
  /** Other editors' claims on the same passage with a different verdict. */
  disagreements: Disagreement[];
};

/**
 * A claim as the article page works with it: its summary, with its author and passage spelled
 * out from the list's `people` and the article text (the list does not send them again).
 */
export interface PanelClaim extends ClaimSummary, Omit<PlaceableClaim, "anchor"> {}

/** A claim of the article page, placed in its text: what the panel and the viewer draw. */
export type PlacedClaim = Placed<PanelClaim>;

/**
 * Two claims are on "the same passage" when their ranges overlap by at least this share of their
 * union: the same sentence selected a word shorter still counts, a sentence and its paragraph do not.
 */
export const SAME_PASSAGE_OVERLAP = 0.6;

/**
 * The page's claims from their summaries. The passage is the text at the stored position, which
 * is where the claim was marked: an article's text does not change once added (decision 0007).
 */
export function panelClaims(text: string, claims: readonly ClaimSummary[], people: People): PanelClaim[] {
  return claims.map((claim) => ({
    ...claim,
    author: personOf(people, claim.authorId),
    position: { start: claim.start, end: claim.end },
    quote: {
      exact:
        claim.anchor.start !== null && claim.anchor.end !== null
          ? text.slice(claim.anchor.start, claim.anchor.end)
          : (claim.anchor.previous ?? ""),
      prefix: "",
      suffix: "",
    },
  }));
}

/** The server's decision as a placement; nothing is re-located on the client. */
function placementOf(anchor: AnchorView, textLength: number): Placement {
  if (
    anchor.state === "not_placed" ||
    anchor.start === null ||
    anchor.end === null ||
    // Offsets into another text than this one (never expected): not drawn anywhere.
    anchor.end > textLength ||
    anchor.start >= anchor.end
  ) {
    return {
      status: "orphaned",
      state: "not_placed",
      reason: anchor.reason ?? `The passage was changed or removed in revision ${anchor.revision}.`,
      ...(anchor.previous !== undefined ? { previous: anchor.previous } : {}),
    };
  }
  return {
    status: "anchored",
    state: anchor.state,
    start: anchor.start,
    end: anchor.end,
    method: anchor.method === "fuzzy" || anchor.method === "exact" ? anchor.method : "position",
    score: 1,
    ...(anchor.previous !== undefined ? { previous: anchor.previous } : {}),
  };
}

/** Anchors every claim in the article's current text and finds the disagreements between them. */
export function placeClaims<T extends PlaceableClaim>(text: string, claims: readonly T[]): Placed<T>[] {
  const locate = createLocator(text);
  const placed = claims.map((claim): Placed<T> => {
    let anchor: Placement;
    if (claim.anchor) anchor = placementOf(claim.anchor, text.length);
    else {
      const found = locate({
        position: { type: "TextPositionSelector", ...claim.position },
        quote: { type: "TextQuoteSelector", ...claim.quote },
      });
      anchor = { ...found, state: anchorFromEngine(found, 0).state };
    }
    return { ...claim, anchor, disagreements: [] };
  });

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

type Positioned = { anchor: Anchor };
const startOf = (claim: Positioned) => (claim.anchor.status === "anchored" ? claim.anchor.start : 0);
const endOf = (claim: Positioned) => (claim.anchor.status === "anchored" ? claim.anchor.end : 0);

function overlapShare(a: Positioned, b: Positioned): number {
  const overlap = Math.min(endOf(a), endOf(b)) - Math.max(startOf(a), startOf(b));
  const union = Math.max(endOf(a), endOf(b)) - Math.min(startOf(a), startOf(b));
  return overlap > 0 ? overlap / union : 0;
}
