import { CONTEXT_LENGTH } from "@/lib/anchoring";
import { characterEndAtOrAfter, characterStartAtOrBefore } from "@/lib/anchoring/text-boundaries";

/**
 * A little text around a claim's passage, so a reader of the report sees what it is about
 * without the article open. `before + passage + after` reads as one sentence; whitespace inside
 * each side is collapsed to single spaces, and the space next to the passage is kept.
 */
export interface PassageContext {
  before: string;
  after: string;
}

/** Characters of context sought on each side, before trimming to whole words. */
export const REPORT_CONTEXT_CHARS = 60;

const ELLIPSIS = "…";

/** Context from the article around text[start, end). It stops at paragraph breaks. */
export function passageContext(text: string, start: number, end: number): PassageContext {
  const from = characterEndAtOrAfter(text, Math.max(0, start - REPORT_CONTEXT_CHARS));
  const to = characterStartAtOrBefore(text, Math.min(text.length, end + REPORT_CONTEXT_CHARS));
  return {
    before: trimBefore(text.slice(from, start), from > 0 && !/\s/.test(text[from - 1] ?? ""), from > 0),
    after: trimAfter(text.slice(end, to), to < text.length && !/\s/.test(text[to] ?? ""), to < text.length),
  };
}

/**
 * Context for an orphaned claim, from the prefix and suffix stored when it was marked: the
 * article no longer has the passage. A side as long as the selectors keep was most likely cut
 * mid-text (and maybe mid-word); a shorter one reached the edge of the article.
 */
export function storedContext(prefix: string, suffix: string): PassageContext {
  const cutPrefix = prefix.length >= CONTEXT_LENGTH - 1;
  const cutSuffix = suffix.length >= CONTEXT_LENGTH - 1;
  return {
    before: trimBefore(prefix, cutPrefix, cutPrefix),
    after: trimAfter(suffix, cutSuffix, cutSuffix),
  };
}

/**
 * `window` ends at the passage. Text before a paragraph break belongs to another paragraph and
 * is dropped without an ellipsis; a window that starts mid-text loses its partial first word
 * (unless it has no spaces at all, as in Chinese or Japanese) and gets an ellipsis.
 */
function trimBefore(window: string, midWord: boolean, cut: boolean): string {
  const paragraphBreak = window.lastIndexOf("\n");
  if (paragraphBreak >= 0) return collapse(window.slice(paragraphBreak + 1));
  if (!cut) return collapse(window);
  let kept = window;
  if (midWord) {
    const space = kept.search(/\s/);
    if (space >= 0) kept = kept.slice(space);
  }
  return ELLIPSIS + collapse(kept).trimStart();
}

function trimAfter(window: string, midWord: boolean, cut: boolean): string {
  const paragraphBreak = window.indexOf("\n");
  if (paragraphBreak >= 0) return collapse(window.slice(0, paragraphBreak));
  if (!cut) return collapse(window);
  let kept = window;
  if (midWord) {
    const space = lastWhitespace(kept);
    if (space >= 0) kept = kept.slice(0, space);
  }
  return collapse(kept).trimEnd() + ELLIPSIS;
}

function lastWhitespace(value: string): number {
  for (let i = value.length - 1; i >= 0; i--) if (/\s/.test(value[i] ?? "")) return i;
  return -1;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, " ");
}
