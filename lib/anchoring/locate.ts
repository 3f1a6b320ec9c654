import { findApproximateEnds, type MatchEnd } from "./approximate-match";
import { matchContext, prefixBoundaryCost, reverse, suffixBoundaryCost, type ContextMatch } from "./context";
import { normalizeForComparison, normalizeText, type NormalizedText } from "./normalize";
import type { ClaimSelectors, TextPositionSelector } from "./selectors";
import { widenToCharacters } from "./text-boundaries";

/**
 * Re-anchoring a claim in a (possibly edited) article, after Hypothesis:
 * 1. the stored position, if the text there is still the quote;
 * 2. else the quote verbatim: one occurrence is taken, several are told apart by their context
 *    (prefix/suffix) and, a little, by closeness to the old position;
 * 3. else the quote approximately (at most 25% of it edited), when its context agrees.
 * A claim that cannot be placed with confidence is orphaned, never guessed: an editor
 * re-attaching an orphan costs a minute, a claim silently sitting on the wrong sentence costs
 * the fact-check its credibility. Hence one refinement of step 2: a single verbatim occurrence
 * of a short quote ("Putin") whose context no longer agrees is not taken on its own (see
 * SELF_EVIDENT_QUOTE_LENGTH); it competes in step 3 like any candidate.
 *
 * Comparison happens on NFC text (normalize.ts); offsets returned are into the text passed in.
 */
export type Anchor =
  | { status: "anchored"; start: number; end: number; method: "position" | "exact" | "fuzzy"; score: number }
  | { status: "orphaned"; reason: string };

/**
 * An approximate match must keep at least this share of the quote (1 - edits / quote length).
 * Fixing a typo or changing a word or two in a sentence stays well above it; rewriting a
 * quarter of the passage makes it a different passage, which the editor should re-check.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * The surroundings of a non-verbatim match must agree with the stored prefix/suffix: on average
 * at least this much, and no known side below MIN_CONTEXT_SIDE_SIMILARITY. This is what stops
 * a lookalike sentence elsewhere (same sentence, other number or name) from capturing a claim
 * whose sentence was deleted: its quote similarity is high, but its neighbours are other
 * sentences. Unrelated English text scores about 0.25 on a side (99th percentile 0.41, on the
 * sample article; we align with slack, so it is never near 0); an untouched side scores 1, and a
 * side with a word edited about 0.75–0.9. The side minimum matters when the lookalike sits right
 * next to the deleted sentence: then one side is the original neighbour and scores 1.
 */
export const MIN_CONTEXT_SIMILARITY = 0.6;
export const MIN_CONTEXT_SIDE_SIMILARITY = 0.5;

/**
 * A verbatim match at least this long (about a clause) is accepted even when its context
 * changed (both neighbouring sentences rewritten): such a string does not occur by accident.
 * Shorter verbatim matches ("Putin", "3 p.m.") need their context like a fuzzy match does.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32;

/**
 * The score ranks candidates: quote similarity (dominant: the quote is what the claim is about),
 * context similarity (what tells repeats and lookalikes apart), and closeness to the old
 * position (a tie-breaker), each 0..1, so scores are 0..1 too. With these weights an in-place
 * edit (quote 0.97, context 1) beats an untouched lookalike elsewhere (quote 1, context 0.3).
 */
export const SCORE_WEIGHTS = { quote: 0.7, context: 0.25, position: 0.05 } as const;

/**
 * The best candidate must beat every other one by this much, or the claim is orphaned as
 * ambiguous. It is larger than SCORE_WEIGHTS.position so that closeness to the old position can
 * tip a decision that context leans towards, but can never decide alone: offsets shift with
 * every edit above the claim, so position is the weakest evidence.
 */
export const AMBIGUITY_MARGIN = 0.06;

/** Approximate regions examined per claim; only pathological texts (long runs of repeats) reach it. */
export const MAX_FUZZY_CANDIDATES = 16;

/** Stands in for context when there is none to compare (the quote was the whole text). */
const NEUTRAL_CONTEXT = 0.5;

export type Locator = (selectors: ClaimSelectors) => Anchor;

/**
 * Locates many claims in one text; the normalised text is built once, and only when a claim
 * is not found at its stored position.
 */
export function createLocator(text: string): Locator {
  let normalized: NormalizedText | undefined;
  const normalizedText = (): NormalizedText => (normalized ??= normalizeText(text));
  return (selectors) => locateIn(text, normalizedText, selectors);
}

let lastLocator: { text: string; locate: Locator } | undefined;

/** Locates one claim. Calls for the same text in a row share the normalised text. */
export function locate(text: string, selectors: ClaimSelectors): Anchor {
  if (lastLocator?.text !== text) lastLocator = { text, locate: createLocator(text) };
  return lastLocator.locate(selectors);
}

interface Candidate {
  /** Normalised-text range. */
  normStart: number;
  normEnd: number;
  /** Original-text range. */
  start: number;
  end: number;
  errors: number;
  quoteSimilarity: number;
  context: ContextMatch;
  score: number;
}

type Decision = { anchor: Anchor & { status: "anchored" } } | { reason: string };

interface Query {
  text: NormalizedText;
  quote: string;
  prefix: string;
  suffix: string;
  hint: number | null;
}

function locateIn(text: string, normalizedText: () => NormalizedText, selectors: ClaimSelectors): Anchor {
  const { position, quote } = selectors;
  if (typeof quote?.exact !== "string" || quote.exact.length === 0) {
    return orphaned("The claim has no quoted text to look for.");
  }
  const validPosition = isValidPosition(position, text.length);
  if (validPosition && text.slice(position.start, position.end) === quote.exact) {
    return { status: "anchored", start: position.start, end: position.end, method: "position", score: 1 };
  }

  const query: Query = {
    text: normalizedText(),
    quote: normalizeForComparison(quote.exact),
    prefix: normalizeForComparison(quote.prefix ?? ""),
    suffix: normalizeForComparison(quote.suffix ?? ""),
    hint: validPosition ? position.start : null,
  };

  const exact = exactCandidates(query);
  let exactReason: string | undefined;
  if (exact.length > 0) {
    const decision = decide(exact, query);
    if ("anchor" in decision) return decision.anchor;
    exactReason = decision.reason;
  }

  const maxErrors = Math.floor(query.quote.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) {
    // Too short to allow any edit: the fuzzy search would only find the verbatim matches again.
    return orphaned(exactReason ?? notFoundReason());
  }
  const fuzzy = fuzzyCandidates(query, maxErrors);
  if (fuzzy.length === 0) return orphaned(exactReason ?? notFoundReason());
  const decision = decide(fuzzy, query);
  return "anchor" in decision ? decision.anchor : orphaned(decision.reason);
}

function isValidPosition(position: TextPositionSelector | undefined, length: number): position is TextPositionSelector {
  return (
    position !== undefined &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start < position.end &&
    position.end <= length
  );
}

function exactCandidates(query: Query): Candidate[] {
  const haystack = query.text.normalized;
  const candidates: Candidate[] = [];
  // Overlapping occurrences count ("ha ha" twice in "ha ha ha"): each is a distinct placement.
  for (let at = haystack.indexOf(query.quote); at !== -1; at = haystack.indexOf(query.quote, at + 1)) {
    candidates.push(evaluate(query, at, at + query.quote.length, 0));
  }
  return candidates;
}

/**
 * Distinct approximate matches, best quote similarity first. Every end of a match is reported by
 * the search (and its neighbours, with an edit or two more), so we take ends in order of fewest
 * errors, skip those that must belong to a region already taken, and find each new region's start.
 */
function fuzzyCandidates(query: Query, maxErrors: number): Candidate[] {
  const haystack = query.text.normalized;
  const quoteLength = query.quote.length;
  const ends = findApproximateEnds(haystack, query.quote, maxErrors);
  const order = ends.map((_, index) => index).sort((a, b) => (ends[a]?.errors ?? 0) - (ends[b]?.errors ?? 0));

  const regions: Candidate[] = [];
  for (const index of order) {
    if (regions.length >= MAX_FUZZY_CANDIDATES) break;
    const match = ends[index];
    if (!match) continue;
    const { end, errors } = match;
    // A match with `errors` edits is at least quoteLength - errors long, so one ending before
    // region.end + that length must start inside the region.
    if (regions.some((region) => end > region.normStart && end < region.normEnd + quoteLength - errors)) continue;

    const bestEnd = pickEnd(query, ends, index, maxErrors);
    const { start, errors: rangeErrors } = findStart(query, bestEnd, maxErrors);
    if (regions.some((region) => start < region.normEnd && bestEnd > region.normStart)) continue;
    regions.push(evaluate(query, start, bestEnd, rangeErrors));
  }
  return regions;
}

/**
 * Where exactly a region ends. Nearby ends cost about the same number of edits ("talk." edited
 * to "talks!": ending after "talks" costs one edit, after "talks!" two), so we align quote and
 * suffix together: the end minimising edits in the quote plus edits in the suffix wins, and on
 * a tie the one where the suffix fits better, since the unchanged context marks the boundary.
 */
function pickEnd(query: Query, ends: readonly MatchEnd[], index: number, maxErrors: number): number {
  const first = ends[index];
  if (!first) return 0;
  let best = first.end;
  let bestKey: number[] | undefined;
  for (let i = lowerBound(ends, first.end - maxErrors); i < ends.length; i++) {
    const other = ends[i];
    if (!other || other.end > first.end + maxErrors) break;
    // Suffix edits are never negative: an end with more errors than the best total cannot win.
    if (bestKey && other.errors > -(bestKey[0] ?? 0)) continue;
    const suffixEdits = suffixBoundaryCost(query.text.normalized, other.end, query.suffix);
    const key = [-(other.errors + suffixEdits), -suffixEdits, -other.errors, -Math.abs(other.end - first.end)];
    if (!bestKey || compareKeys(key, bestKey) > 0) {
      best = other.end;
      bestKey = key;
    }
  }
  return best;
}

/** Index of the first end >= `end`. */
function lowerBound(ends: readonly MatchEnd[], end: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ends[middle]?.end ?? 0) < end) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the match ending at `end` starts: search the reversed quote in the reversed text before
 * `end`, anchored at `end`; then, as for the end, align quote and prefix together.
 */
function findStart(query: Query, end: number, maxErrors: number): { start: number; errors: number } {
  const haystack = query.text.normalized;
  const quoteLength = query.quote.length;
  const windowStart = Math.max(0, end - quoteLength - maxErrors);
  const starts = findApproximateEnds(reverse(haystack.slice(windowStart, end)), reverse(query.quote), maxErrors, {
    anchoredAtStart: true,
  });
  let best = { start: Math.max(0, end - quoteLength), errors: maxErrors };
  let bestKey: number[] | undefined;
  for (const { end: length, errors } of starts) {
    if (bestKey && errors > -(bestKey[0] ?? 0)) continue;
    const start = end - length;
    const prefixEdits = prefixBoundaryCost(haystack, start, query.prefix);
    const key = [-(errors + prefixEdits), -prefixEdits, -errors, -Math.abs(length - quoteLength)];
    if (!bestKey || compareKeys(key, bestKey) > 0) {
      best = { start, errors };
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function evaluate(query: Query, normStart: number, normEnd: number, errors: number): Candidate {
  const { text } = query;
  const context = matchContext(text.normalized, normStart, normEnd, query.prefix, query.suffix);
  const range = widenToCharacters(text.original, text.toOriginalStart(normStart), text.toOriginalEnd(normEnd));
  const quoteSimilarity = 1 - errors / query.quote.length;
  const closeness =
    query.hint === null ? 0 : 1 - Math.min(1, Math.abs(range.start - query.hint) / Math.max(1, text.original.length));
  const score =
    SCORE_WEIGHTS.quote * quoteSimilarity +
    SCORE_WEIGHTS.context * (context.similarity ?? NEUTRAL_CONTEXT) +
    SCORE_WEIGHTS.position * closeness;
  return { normStart, normEnd, start: range.start, end: range.end, errors, quoteSimilarity, context, score };
}

function decide(candidates: Candidate[], query: Query): Decision {
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const [best, ...others] = ranked;
  if (!best) return { reason: notFoundReason() };

  const unsupported = lackOfSupport(best, query);
  if (unsupported) return { reason: unsupported };

  const rivals = others.filter((other) => other.score > best.score - AMBIGUITY_MARGIN);
  if (rivals.length > 0) {
    const places = [best, ...rivals].map((c) => c.start).sort((a, b) => a - b);
    return {
      reason:
        `The quote matches ${places.length} places about equally well (at characters ${formatList(places)}), ` +
        "and its surrounding text does not tell them apart. Re-attach the claim to the right passage.",
    };
  }
  return {
    anchor: {
      status: "anchored",
      start: best.start,
      end: best.end,
      method: best.errors === 0 ? "exact" : "fuzzy",
      score: round(best.score),
    },
  };
}

/** Why the best candidate is not good enough on its own, or null when it is. */
function lackOfSupport(candidate: Candidate, query: Query): string | null {
  const { context } = candidate;
  const similarity = context.similarity;
  if (candidate.errors === 0) {
    // A verbatim match needs its surroundings to agree on average (one intact side will do: a
    // phrase inserted right before a short quote wipes out its prefix), unless it is long
    // enough to be self-evident, or there are no surroundings to compare (the quote was the
    // whole text).
    if (similarity === null || similarity >= MIN_CONTEXT_SIMILARITY) return null;
    if (query.quote.length >= SELF_EVIDENT_QUOTE_LENGTH) return null;
    return (
      `The quote still occurs in the article (at character ${candidate.start}) but not in its original ` +
      `surroundings (${percent(similarity)} similar), and it is too short to be sure it is the ` +
      "same passage. Re-attach the claim if it is."
    );
  }
  // A changed passage needs both sides: a lookalike next to the deleted sentence shares one side.
  if (similarity === null) {
    return (
      `A passage ${percent(candidate.quoteSimilarity)} similar to the quote was found (at character ` +
      `${candidate.start}), but there is no surrounding text to confirm it. Re-attach the claim if it is the same passage.`
    );
  }
  const weakest = context.weakestSide ?? similarity;
  if (similarity >= MIN_CONTEXT_SIMILARITY && weakest >= MIN_CONTEXT_SIDE_SIMILARITY) return null;
  const contextShown =
    weakest < MIN_CONTEXT_SIDE_SIMILARITY
      ? `${percent(weakest)} similar on one side`
      : `${percent(similarity)} similar`;
  return (
    `The closest passage (${percent(candidate.quoteSimilarity)} similar to the quote, at character ` +
    `${candidate.start}) is not in the claim's original surroundings (${contextShown}), so it is ` +
    "probably a different sentence. Re-attach the claim if it is the same passage."
  );
}

function notFoundReason(): string {
  return (
    "The quoted passage is no longer in the article: nothing matches it verbatim or with fewer than " +
    `${percent(1 - MIN_QUOTE_SIMILARITY)} of its characters changed. It may have been deleted or rewritten.`
  );
}

function orphaned(reason: string): Anchor {
  return { status: "orphaned", reason };
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function formatList(values: number[]): string {
  const shown = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown}, …` : shown;
}
