import { ATTACHING_CHAR } from "./text-boundaries";

/**
 * Text compared in a canonical form (NFC), with a map back to offsets in the original string.
 *
 * Composed "é" (U+00E9) and decomposed "e" + U+0301 must compare equal, but a claim's offsets
 * must point into the real article text. We normalise character by character (a base code point
 * with its attached marks) so that every normalised index belongs to exactly one original
 * character and can be mapped back to that character's edges.
 */
export interface NormalizedText {
  readonly original: string;
  readonly normalized: string;
  /** Original offset where a match starting at normalised index `index` starts. */
  toOriginalStart(index: number): number;
  /** Original offset where a match ending (exclusive) at normalised index `index` ends. */
  toOriginalEnd(index: number): number;
}

const CHARACTER = new RegExp(
  `[^${ATTACHING_CHAR.source.slice(1, -1)}]${ATTACHING_CHAR.source}*|${ATTACHING_CHAR.source}+`,
  "gu",
);
const ANY_ATTACHING = new RegExp(ATTACHING_CHAR.source, "u");

/** The comparison form of a short string (quote, prefix, suffix); same rule as normalizeText. */
export function normalizeForComparison(value: string): string {
  if (!ANY_ATTACHING.test(value)) return value.normalize("NFC");
  let out = "";
  for (const match of value.matchAll(CHARACTER)) out += match[0].normalize("NFC");
  return out;
}

export function normalizeText(text: string): NormalizedText {
  // Most articles are already NFC with no combining marks: then offsets map 1:1. Without marks
  // every character is one code point, and NFC of the whole equals NFC of each code point.
  if (!ANY_ATTACHING.test(text) && text.normalize("NFC") === text) return identity(text);

  const pieces: string[] = [];
  const starts: number[] = []; // original start of each normalised unit
  const ends: number[] = []; // original end of each normalised unit
  for (const match of text.matchAll(CHARACTER)) {
    const originalStart = match.index;
    const originalEnd = originalStart + match[0].length;
    const piece = match[0].normalize("NFC");
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) {
      starts.push(originalStart);
      ends.push(originalEnd);
    }
  }
  const normalized = pieces.join("");
  if (normalized === text) return identity(text);
  const startMap = Int32Array.from(starts);
  const endMap = Int32Array.from(ends);
  return {
    original: text,
    normalized,
    toOriginalStart: (index) => (index >= startMap.length ? text.length : (startMap[Math.max(0, index)] ?? 0)),
    toOriginalEnd: (index) => (index <= 0 ? 0 : (endMap[Math.min(index, endMap.length) - 1] ?? text.length)),
  };
}

function identity(text: string): NormalizedText {
  return {
    original: text,
    normalized: text,
    toOriginalStart: (index) => Math.min(Math.max(index, 0), text.length),
    toOriginalEnd: (index) => Math.min(Math.max(index, 0), text.length),
  };
}
