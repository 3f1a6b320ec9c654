import { characterEndAtOrAfter, characterStartAtOrBefore, widenToCharacters } from "./text-boundaries";

/**
 * Selectors that describe a claim's passage, after the W3C Web Annotation model: the position is
 * fast and exact while the article is unchanged; the quote with its context survives edits.
 * Both address the article's plain text (`plainTextOf`), in UTF-16 code units, end exclusive.
 */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ClaimSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * Context kept on each side of the quote. Long enough to tell apart repeated phrases and to
 * reject a lookalike sentence elsewhere; short enough that edits to neighbouring sentences
 * rarely reach it. Fewer characters at the text's edges or to keep whole characters.
 */
export const CONTEXT_LENGTH = 32;

/**
 * Describes text[start, end) as position + quote selectors.
 *
 * The range is widened to whole characters (see text-boundaries.ts: never half a surrogate pair,
 * never a base letter without its combining marks), so the returned position may be larger than
 * the one passed in. Throws RangeError when the range is not a non-empty range inside the text.
 */
export function describeRange(text: string, start: number, end: number): ClaimSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Range offsets must be integers (got start ${start}, end ${end})`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Range must satisfy 0 <= start < end <= ${text.length} (got start ${start}, end ${end})`);
  }
  const range = widenToCharacters(text, start, end);
  // Context shrinks rather than grows at a character boundary so it never exceeds CONTEXT_LENGTH.
  const prefixStart = Math.min(characterEndAtOrAfter(text, Math.max(0, range.start - CONTEXT_LENGTH)), range.start);
  const suffixEnd = Math.max(
    characterStartAtOrBefore(text, Math.min(text.length, range.end + CONTEXT_LENGTH)),
    range.end,
  );
  return {
    position: { type: "TextPositionSelector", start: range.start, end: range.end },
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd),
    },
  };
}

/**
 * Checks selectors a client sends against the current article text. Returns null when the
 * position lies inside the text and the text there is exactly quote.exact; otherwise a message
 * saying what is wrong and what to do (the API answers 422 with it).
 *
 * Prefix and suffix are not compared: they are hints for re-anchoring later. To store canonical
 * selectors, the API can validate and then store describeRange(text, position.start, position.end).
 */
export function validateSelectors(
  text: string,
  position: TextPositionSelector,
  quote: TextQuoteSelector,
): string | null {
  // Runtime checks on typed fields: request bodies are only as typed as the client makes them.
  if (position?.type !== "TextPositionSelector") {
    return 'The position selector must have type "TextPositionSelector".';
  }
  if (quote?.type !== "TextQuoteSelector") {
    return 'The quote selector must have type "TextQuoteSelector".';
  }
  if (typeof quote.exact !== "string" || typeof quote.prefix !== "string" || typeof quote.suffix !== "string") {
    return "The quote selector needs the strings exact, prefix and suffix.";
  }
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `The position's start and end must be whole numbers (got start ${String(start)}, end ${String(end)}).`;
  }
  if (start >= end) {
    return `The selected passage is empty (start ${start}, end ${end}): select at least one character.`;
  }
  if (start < 0 || end > text.length) {
    return (
      `The position ${start}–${end} lies outside the article text, which has ${text.length} characters. ` +
      "The article may have changed since it was loaded: reload it and select the passage again."
    );
  }
  const actual = text.slice(start, end);
  if (actual !== quote.exact) {
    return (
      `The quote does not match the article text at ${start}–${end}: the article has ` +
      `${preview(actual)} there, the quote is ${preview(quote.exact)}. ` +
      "The article may have changed since it was loaded: reload it and select the passage again."
    );
  }
  return null;
}

const PREVIEW_LENGTH = 60;

function preview(value: string): string {
  const shown =
    value.length > PREVIEW_LENGTH ? `${value.slice(0, characterStartAtOrBefore(value, PREVIEW_LENGTH))}…` : value;
  return JSON.stringify(shown);
}
