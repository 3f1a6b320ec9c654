import { prefixAlignmentDistance } from "./approximate-match";

/**
 * How well the text around a candidate matches a claim's stored prefix and suffix.
 *
 * Each side is aligned from the quote outwards, with the far end free and a little slack: the
 * characters next to the quote matter most, and a word inserted right before the quote should
 * cost that word, not shift the whole 32-character window (which a plain same-length comparison
 * would count as ~2 × the word's length).
 */
const SLACK = 8;

export interface ContextMatch {
  /** Mean similarity of the sides we know something about, 0..1; null when neither is known. */
  similarity: number | null;
  /** The weaker known side; a candidate with one side clearly wrong is a different passage. */
  weakestSide: number | null;
}

/**
 * An empty stored side means the quote was at the edge of the text: that is evidence when the
 * candidate is also at the edge (similarity 1), and no evidence either way otherwise (text may
 * simply have been added there), so that side is left out.
 */
export function matchContext(text: string, start: number, end: number, prefix: string, suffix: string): ContextMatch {
  const sides: number[] = [];
  const before = prefixSide(text, start, prefix);
  const after = suffixSide(text, end, suffix);
  if (before !== null) sides.push(before);
  if (after !== null) sides.push(after);
  if (sides.length === 0) return { similarity: null, weakestSide: null };
  return {
    similarity: sides.reduce((sum, value) => sum + value, 0) / sides.length,
    weakestSide: Math.min(...sides),
  };
}

export function prefixSide(text: string, start: number, prefix: string): number | null {
  const distance = prefixDistance(text, start, prefix);
  return distance === null ? (start === 0 ? 1 : null) : 1 - distance / prefix.length;
}

export function suffixSide(text: string, end: number, suffix: string): number | null {
  const distance = suffixDistance(text, end, suffix);
  return distance === null ? (end === text.length ? 1 : null) : 1 - distance / suffix.length;
}

/** Edits between the stored prefix and the text before `start`; null when no prefix is stored. */
export function prefixDistance(text: string, start: number, prefix: string): number | null {
  if (prefix.length === 0) return null;
  const window = text.slice(Math.max(0, start - prefix.length - SLACK), start);
  return prefixAlignmentDistance(reverse(prefix), reverse(window));
}

/** Edits between the stored suffix and the text after `end`; null when no suffix is stored. */
export function suffixDistance(text: string, end: number, suffix: string): number | null {
  if (suffix.length === 0) return null;
  return prefixAlignmentDistance(suffix, text.slice(end, end + suffix.length + SLACK));
}

/**
 * Cost of ending a candidate at `end`, as far as the suffix can tell: its edit distance, or for a
 * quote that was at the end of the text, 0 at the end of the text and 1 anywhere else (a constant
 * elsewhere, so that text appended after the quote does not pull the boundary along).
 */
export function suffixBoundaryCost(text: string, end: number, suffix: string): number {
  return suffixDistance(text, end, suffix) ?? (end === text.length ? 0 : 1);
}

/** Cost of starting a candidate at `start`, as far as the prefix can tell (see suffixBoundaryCost). */
export function prefixBoundaryCost(text: string, start: number, prefix: string): number {
  return prefixDistance(text, start, prefix) ?? (start === 0 ? 0 : 1);
}

/** Reverses UTF-16 code units (not code points): both sides of a comparison are reversed alike. */
export function reverse(value: string): string {
  let out = "";
  for (let i = value.length - 1; i >= 0; i--) out += value[i];
  return out;
}
