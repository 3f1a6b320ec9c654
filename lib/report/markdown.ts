import { isHttpUrl, linesOf } from "./text";

/**
 * Markdown for text people typed (titles, passages, notes, excerpts). The aim: whatever they
 * typed reads as the same text once rendered (CommonMark/GFM), and never becomes markup: no
 * HTML, no links or images, no emphasis, headings, lists, tables or code.
 */

// Mid-line characters that start markup. `&` only before something that looks like an entity.
const INLINE_SPECIAL = /[\\`*_[\]<>|~$]|&(?=#?[A-Za-z0-9]+;)/g;
// At the start of a line these begin a block (heading, quote, list, setext underline).
const LINE_START_SPECIAL = /^[#>\-+=]/;
const ORDERED_LIST_START = /^(\d{1,9})([.)])/;
// C0 controls other than tab and newline have no business in a document; tabs would start code.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line of typed text (no line breaks) as inline Markdown. */
export function escapeInline(value: string): string {
  return value.replace(CONTROL, "").replace(/\t/g, " ").replace(INLINE_SPECIAL, "\\$&");
}

/**
 * One line that may start a Markdown line. Leading spaces go, since four of them make a code
 * block and fewer mean nothing to a reader.
 */
export function escapeLine(value: string): string {
  const escaped = escapeInline(value).trimStart();
  if (LINE_START_SPECIAL.test(escaped)) return `\\${escaped}`;
  return escaped.replace(ORDERED_LIST_START, "$1\\$2");
}

/**
 * Multi-line typed text as the body of a block quote, each line prefixed with `indent` + "> ".
 * Line breaks stay line breaks (a backslash hard break) and blank lines separate paragraphs.
 */
export function blockQuote(value: string, indent = ""): string {
  const lines = linesOf(value);
  while (lines.length && lines[0]?.trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1]?.trim() === "") lines.pop();
  const out: string[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (line.trim() === "") {
      if (out[out.length - 1] !== `${indent}>`) out.push(`${indent}>`);
      return;
    }
    const hardBreak = next !== undefined && next.trim() !== "" ? "\\" : "";
    out.push(`${indent}> ${escapeLine(line)}${hardBreak}`);
  });
  return out.join("\n");
}

/** A link to an http(s) URL; anything else is shown as plain text and not linked. */
export function link(label: string, url: string): string {
  if (!isHttpUrl(url)) return escapeInline(label);
  return `[${escapeInline(label)}](<${linkDestination(url)}>)`;
}

/**
 * The URL as typed, so it stays readable in the raw file (non-Latin paths included), with the
 * few characters that could end or escape a <…> destination percent-encoded.
 */
export function linkDestination(url: string): string {
  return url.replace(/[\\<>\s]/g, (char) => encodeURIComponent(char));
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * `**text**` between `before` and `after`, made to actually render bold. CommonMark only opens
 * (closes) strong emphasis when the delimiter is not next to whitespace on the inside and, if
 * the inside is punctuation, the outside is whitespace or punctuation too. Whitespace at the
 * edges of the text moves outside; in the rare remaining case (a passage starting with a
 * quotation mark right after a letter) a space is added rather than printing stray asterisks.
 */
export function strong(before: string, text: string, after: string): string {
  const leading = /^\s*/.exec(text)?.[0] ?? "";
  const trailing = /\s*$/.exec(text)?.[0] ?? "";
  const inner = text.slice(leading.length, text.length - trailing.length);
  if (inner === "") return before + text + after;
  const left = before + (leading ? " " : "");
  const right = (trailing ? " " : "") + after;
  const open = needsSpace(left.slice(-1), inner[0] ?? "") ? " " : "";
  const close = needsSpace(right[0] ?? "", inner.slice(-1)) ? " " : "";
  return `${left}${open}**${inner}**${close}${right}`;
}

/** True when a delimiter between `outside` and `inside` would not flank `inside`. */
function needsSpace(outside: string, inside: string): boolean {
  if (outside === "" || WHITESPACE.test(outside) || PUNCTUATION.test(outside)) return false;
  return PUNCTUATION.test(inside);
}
