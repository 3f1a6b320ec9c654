/**
 * Links in plain text, for showing a reply: http(s) addresses become links, everything else
 * stays text. The UI renders the segments as React elements (never as HTML).
 */

export type TextSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const CANDIDATE = /\bhttps?:\/\/[^\s<>"]+/giu;
// Punctuation that ends a sentence rather than the address: "see https://x.org/a."
const TRAILING = /[.,;:!?'’”)\]]+$/u;

/** The text cut into plain runs and links. Only http: and https: addresses that parse become links. */
export function linkSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? "";
    candidate = candidate.slice(0, candidate.length - trailing.length);
    // A closing parenthesis the address opened belongs to it: https://en.wikipedia.org/wiki/Foo_(bar)
    for (const closer of trailing) {
      if (closer !== ")" || count(candidate, "(") <= count(candidate, ")")) break;
      candidate += closer;
    }
    const href = httpHref(candidate);
    if (!href) continue;
    if (start > last) segments.push({ kind: "text", text: text.slice(last, start) });
    segments.push({ kind: "link", text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

const count = (text: string, char: string) => text.split(char).length - 1;

function httpHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
