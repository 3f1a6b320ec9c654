/**
 * Snippets as text segments, never HTML: the databases' snippet functions (FTS5 `snippet()`,
 * PostgreSQL `ts_headline`) mark matches with two private-use characters, and this turns the
 * marked text into segments that a page renders as text and <mark> elements.
 */

export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";
/** A snippet longer than this (in characters) is cut: the engines' fragments are bounded, this is a guard. */
export const MAX_SNIPPET_CHARS = 400;

export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** Segments of a marked snippet; whitespace runs collapsed, adjacent segments of one kind merged. */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  let length = 0;
  const push = (text: string, isMatch: boolean) => {
    if (!text || length >= MAX_SNIPPET_CHARS) return;
    const room = MAX_SNIPPET_CHARS - length;
    const kept = text.length > room ? `${text.slice(0, room)}…` : text;
    length += kept.length;
    const last = segments[segments.length - 1];
    if (last && last.match === isMatch) last.text += kept;
    else segments.push({ text: kept, match: isMatch });
  };
  let current = "";
  for (const char of marked.replace(/\s+/g, " ")) {
    if (char === MARK_OPEN || char === MARK_CLOSE) {
      push(current, match);
      current = "";
      match = char === MARK_OPEN;
    } else {
      current += char;
    }
  }
  push(current, match);
  return segments;
}

/** The snippet as plain text (for titles, logs and tests). */
export function snippetText(segments: readonly SnippetSegment[]): string {
  return segments.map((segment) => segment.text).join("");
}
