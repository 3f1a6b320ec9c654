import { createLocator, describeRange, validateSelectors, type Anchor, type ClaimSelectors } from "@/lib/anchoring";
import { Problem } from "@/lib/errors";
import { changedRanges, type TextChange } from "@/lib/articles/revision-diff";
import type { PlannedEvent } from "./changes";
import { offsetMapOf } from "./follow-edit";
import type { CreateClaimInput } from "./schemas";
import type { AnchorView } from "./types";

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

export function anchorStateOf(value: string): AnchorState {
  return value === "needs_confirmation" || value === "not_placed" ? value : "placed";
}

const METHODS: readonly string[] = ["position", "exact", "fuzzy", "confirmed", "reattached"];

export function anchorMethodOf(value: string | null): AnchorMethod | null {
  return value !== null && METHODS.includes(value) ? (value as AnchorMethod) : null;
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

/** The passage a claim last quoted with certainty, as stored (Claim.quote*). */
export interface StoredQuote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export const selectorsOf = (quote: StoredQuote): ClaimSelectors => ({
  position: { type: "TextPositionSelector", start: quote.start, end: quote.end },
  quote: { type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
});

const quoteOf = (selectors: ClaimSelectors): StoredQuote => ({
  exact: selectors.quote.exact,
  prefix: selectors.quote.prefix,
  suffix: selectors.quote.suffix,
  start: selectors.position.start,
  end: selectors.position.end,
});

export interface ClaimToReanchor {
  id: string;
  state: AnchorState;
  quote: StoredQuote;
  /** Where the engine last found it, when it awaits confirmation (offsets into the previous text). */
  candidate?: { start: number; end: number; score: number };
}

export interface AnchorUpdate {
  id: string;
  anchor: ClaimAnchor;
  /** The new certain passage, when the claim was placed; unchanged (absent) otherwise. */
  quote?: StoredQuote;
  /** What the claim's history records; none when it simply stayed where it was. */
  event: PlannedEvent | null;
}

/**
 * A new revision's effect on each live claim: its anchor, its certain passage (a placed claim
 * quotes the new text and context; an uncertain one keeps looking for the passage it last quoted
 * with certainty) and its history event: moved, text changed, could not be placed — recorded
 * when the claim moved or its state changed, so an untouched claim's history stays quiet.
 */
export function planReanchor(
  text: string,
  revision: number,
  claims: readonly ClaimToReanchor[],
  /** The diff from the previous revision's text (lib/articles/revision-diff.ts diffTexts), when known. */
  changes?: readonly TextChange[],
): AnchorUpdate[] {
  const find = claimFinder(text, changes);
  return claims.map((claim) => {
    const anchor = anchorFromEngine(find(claim), revision);
    const to = String(revision);
    if (anchor.state === "placed" && anchor.start !== null && anchor.end !== null) {
      const moved = anchor.method !== "position" || claim.state !== "placed";
      return {
        id: claim.id,
        anchor,
        quote: quoteOf(describeRange(text, anchor.start, anchor.end)),
        event: moved ? { kind: "moved", fromValue: null, toValue: to } : null,
      };
    }
    const kind = anchor.state === "needs_confirmation" ? "text_changed" : "not_placed";
    const changed = claim.state !== anchor.state || anchor.state === "needs_confirmation";
    return { id: claim.id, anchor, event: changed ? { kind, fromValue: null, toValue: to } : null };
  });
}

/**
 * Text on each side of a changed passage's new span that a search near it also covers: its
 * context (CONTEXT_LENGTH) and some slack, so that a lookalike sentence elsewhere is never a
 * candidate.
 */
export const NEARBY_MARGIN = 200;

/**
 * How each claim is looked for in the new text. With the diff from the previous text, a claim placed
 * there is carried through the diff (lib/claims/follow-edit.ts): untouched by any change, it is
 * at its new offsets for certain; overlapped by a change, the engine looks for it in the text that
 * replaced it (and a margin), then in text new in this revision when its quote occurs there once
 * verbatim (a paragraph moved). Text that was already there and did not change can never newly
 * hold a claim: a repeated sentence elsewhere is another passage. A claim awaiting confirmation
 * keeps its candidate when no change touched it. Others, or without the diff: the engine
 * over the whole text.
 */
function claimFinder(text: string, changes: readonly TextChange[] | undefined): (claim: ClaimToReanchor) => Anchor {
  const whole = createLocator(text);
  if (changes === undefined) return (claim) => whole(selectorsOf(claim.quote));
  const map = offsetMapOf(changedRanges(changes));
  return (claim) => {
    const selectors = selectorsOf(claim.quote);
    const { start, end, exact } = claim.quote;
    if (claim.state === "needs_confirmation" && claim.candidate) {
      const kept = map.carry(claim.candidate.start, claim.candidate.end);
      if (kept.kind === "untouched") return { status: "anchored", start: kept.start, end: kept.end, method: "fuzzy", score: claim.candidate.score };
    }
    if (claim.state !== "placed") return whole(selectors);
    const carried = map.carry(start, end);
    if (carried.kind === "untouched" && text.slice(carried.start, carried.end) === exact) {
      return { status: "anchored", start: carried.start, end: carried.end, method: carried.start === start ? "position" : "exact", score: 1 };
    }
    const from = Math.max(0, carried.start - NEARBY_MARGIN);
    const to = Math.min(text.length, carried.end + NEARBY_MARGIN);
    const nearby = createLocator(text.slice(from, to))({
      position: { type: "TextPositionSelector", start: carried.start - from, end: carried.start - from + (end - start) },
      quote: selectors.quote,
    });
    if (nearby.status === "anchored") return { ...nearby, start: nearby.start + from, end: nearby.end + from };
    const moved = occurrencesIn(text, exact).filter((at) =>
      map.added.some((span) => span.start <= at && at + exact.length <= span.end),
    );
    return moved.length === 1
      ? { status: "anchored", start: moved[0]!, end: moved[0]! + exact.length, method: "exact", score: 1 }
      : nearby;
  };
}

function occurrencesIn(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < 2; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * A new claim's selectors, made against an older revision's text, carried to the current text:
 * only when the engine places the passage with certainty (verbatim); null otherwise.
 */
export function carryToRevision(
  oldText: string,
  currentText: string,
  input: CreateClaimInput,
): CreateClaimInput | null {
  const position = { type: "TextPositionSelector" as const, ...input.position };
  const quote = { type: "TextQuoteSelector" as const, ...input.quote };
  if (validateSelectors(oldText, position, quote)) return null;
  const marked = describeRange(oldText, position.start, position.end);
  const anchor = anchorFromEngine(createLocator(currentText)(marked), 0);
  if (anchor.state !== "placed" || anchor.start === null || anchor.end === null) return null;
  const placed = describeRange(currentText, anchor.start, anchor.end);
  return {
    ...input,
    revision: undefined,
    position: { start: placed.position.start, end: placed.position.end },
    quote: { exact: placed.quote.exact, prefix: placed.quote.prefix, suffix: placed.quote.suffix },
  };
}

/**
 * A person's decision on a claim's place in the current revision: Confirm takes the engine's
 * approximate match, Re-attach a passage they selected. The claim then quotes that passage; its
 * rating, sources, history and discussion stay.
 */
export function planPlacement(
  text: string,
  revision: number,
  claim: { state: AnchorState; start: number | null; end: number | null },
  decision: { kind: "confirm" } | { kind: "reattach"; start: number; end: number },
): { anchor: ClaimAnchor; quote: StoredQuote; event: PlannedEvent } {
  let range: { start: number; end: number };
  if (decision.kind === "confirm") {
    if (claim.state !== "needs_confirmation" || claim.start === null || claim.end === null) {
      throw new Problem("conflict", "This claim no longer asks for confirmation: reload it to see where it is.");
    }
    range = { start: claim.start, end: claim.end };
  } else {
    range = { start: decision.start, end: decision.end };
  }
  let selectors: ClaimSelectors;
  try {
    selectors = describeRange(text, range.start, range.end);
  } catch {
    throw new Problem("invalid", "Select the passage to attach the claim to, inside the article's current text.");
  }
  if (selectors.quote.exact.trim() === "") {
    throw new Problem("invalid", "Select some words to attach the claim to, not only spaces.");
  }
  const method = decision.kind === "confirm" ? "confirmed" : "reattached";
  return {
    anchor: {
      state: "placed",
      revision,
      start: selectors.position.start,
      end: selectors.position.end,
      method,
      score: 1,
      reason: null,
    },
    quote: quoteOf(selectors),
    event: { kind: method, fromValue: null, toValue: String(revision) },
  };
}

/** An anchor as the API shows it; `previous` is the passage quoted before, for a claim not placed there. */
export function anchorView(anchor: ClaimAnchor, previous: string): AnchorView {
  return {
    state: anchor.state,
    revision: anchor.revision,
    start: anchor.start,
    end: anchor.end,
    method: anchor.method,
    ...(anchor.state === "placed" ? {} : { previous }),
    ...(anchor.reason ? { reason: anchor.reason } : {}),
  };
}

/**
 * Where a claim sat in an older revision's text: its original selectors (revision `marked`) placed
 * by the engine, so an old revision shows its claims as they were then. Null for a claim marked later.
 */
export function anchorInRevision(
  claim: { revision: number; position: { start: number; end: number }; quote: { exact: string; prefix: string; suffix: string } },
  text: string,
  revision: number,
): AnchorView | null {
  if (claim.revision > revision) return null;
  const found = createLocator(text)({
    position: { type: "TextPositionSelector", ...claim.position },
    quote: { type: "TextQuoteSelector", ...claim.quote },
  });
  return anchorView(anchorFromEngine(found, revision), claim.quote.exact);
}

/**
 * The anchor columns of a claim marked in `revision` (Claim.anchor*, Claim.quote*): placed where
 * it was marked, quoting the passage it was marked with.
 */
export function markedColumns(revision: number, selectors: { start: number; end: number; exact: string; prefix: string; suffix: string }) {
  return {
    revision,
    anchorState: "placed",
    anchorRevision: revision,
    anchorStart: selectors.start,
    anchorEnd: selectors.end,
    anchorMethod: "position",
    quoteExact: selectors.exact,
    quotePrefix: selectors.prefix,
    quoteSuffix: selectors.suffix,
    quoteStart: selectors.start,
    quoteEnd: selectors.end,
  };
}

/** The anchor of a claim placed where it was marked: a new claim, or one of an unchanged article. */
export function markedAnchor(revision: number, start: number, end: number): AnchorView {
  return { state: "placed", revision, start, end, method: "position" };
}
