/**
 * Where a range of UTF-16 text may start and end.
 *
 * Decision: a claim never starts or ends inside a code point (half a surrogate pair is not a
 * character, renders as U+FFFD and cannot be normalised), and never separates a combining mark
 * from its base letter ("e" + U+0301 is one letter to a reader, and NFC turns it into a single
 * "é", so a quote ending between the two could not be compared after normalisation).
 * We widen rather than reject, so that a sloppy selection in the browser still becomes a claim.
 * We do not go as far as full grapheme clusters (ZWJ emoji sequences, flags): cutting those
 * leaves valid code points and does not affect matching.
 */

/**
 * Marks attach to the preceding base character; Hangul medial vowels and final consonants
 * (conjoining jamo) compose with the preceding syllable under NFC in the same way.
 */
export const ATTACHING_CHAR = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** True when the code point starting at `offset` attaches to the one before it. */
function attachesAt(text: string, offset: number): boolean {
  if (offset >= text.length) return false;
  const codePoint = text.codePointAt(offset);
  return codePoint !== undefined && ATTACHING_CHAR.test(String.fromCodePoint(codePoint));
}

function previousCodePointStart(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset - 1) ? offset - 2 : offset - 1;
}

function nextCodePointEnd(text: string, offset: number): number {
  return isHighSurrogate(text.charCodeAt(offset)) && isLowSurrogate(text.charCodeAt(offset + 1))
    ? offset + 2
    : offset + 1;
}

/** Moves `offset` back to the start of the character (code point plus attached marks) it is in. */
export function characterStartAtOrBefore(text: string, offset: number): number {
  let at = splitsSurrogatePair(text, offset) ? offset - 1 : offset;
  while (at > 0 && attachesAt(text, at)) at = previousCodePointStart(text, at);
  return at;
}

/** Moves `offset` forward to the end of the character (code point plus attached marks) it is in. */
export function characterEndAtOrAfter(text: string, offset: number): number {
  let at = splitsSurrogatePair(text, offset) ? offset + 1 : offset;
  while (at < text.length && attachesAt(text, at)) at = nextCodePointEnd(text, at);
  return at;
}

/** The smallest range containing [start, end) whose ends are character boundaries. */
export function widenToCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return { start: characterStartAtOrBefore(text, start), end: characterEndAtOrAfter(text, end) };
}
