import { Marked } from "marked";
import { ArticleImportError } from "./errors";
import {
  MARKDOWN_EMPHASIS_BUDGET as EMPHASIS_BUDGET,
  MAX_MARKDOWN_INDENT_COLUMNS as MAX_INDENT_COLUMNS,
  MAX_MARKDOWN_MARKERS as MAX_MARKERS,
  MAX_MARKDOWN_NESTING as MAX_NESTING,
} from "./limits";

// A private instance: options set on the global `marked` elsewhere in the app must not change imports.
const markdown = new Marked({ gfm: true, breaks: false });

/**
 * Markdown (GitHub flavour) as HTML. Raw HTML inside it passes through here and is sanitized
 * later. marked runs on the server's event loop, so inputs that make it slow are refused first.
 */
export function markdownToHtml(source: string): string {
  checkNesting(source);
  checkEmphasisCost(source);
  try {
    return markdown.parse(source, { async: false });
  } catch {
    // marked recurses once per nesting level and can overflow the stack on odd input.
    throw new ArticleImportError("This Markdown could not be converted: upload it as plain text (.txt) instead.");
  }
}

/**
 * marked's work grows with how deeply each line nests (it re-reads the rest of the line per
 * level and recurses per level) and with the number of list and quote markers overall; its
 * output grows with them too (2 MB of "- - - x" lines is 20 MB of nested lists). These
 * bounds (`limits.ts`) are far beyond real articles: a single line of 100,000 ">" would otherwise keep
 * marked busy for seconds before it overflows the stack.
 */
// One container marker at the start of what is left of a line: a quote, bullet or number.
const CONTAINER_MARKER = /^([ \t]*)(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const LEADING_SPACE = /^[ \t]*/;
// "* * * *" and "- - - -" are horizontal rules, not nesting.
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function checkNesting(source: string): void {
  let markers = 0;
  for (const line of lines(source)) {
    if (THEMATIC_BREAK.test(line)) continue;
    let rest = line;
    let depth = 0;
    let indent = 0;
    for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
      depth += 1;
      indent += columns(marker[1] ?? "");
      if (depth > MAX_NESTING || indent > MAX_INDENT_COLUMNS) throw tooDeep();
      rest = rest.slice(marker[0].length);
    }
    // Indentation alone also nests: each list level is two or more columns further in.
    indent += columns(LEADING_SPACE.exec(rest)?.[0] ?? "");
    if (indent > MAX_INDENT_COLUMNS) throw tooDeep();
    markers += depth;
    if (markers > MAX_MARKERS) {
      throw new ArticleImportError(
        "This Markdown has too many list items and quotes to import: split it into several " +
          "articles, or upload it as plain text (.txt).",
      );
    }
  }
}

function columns(whitespace: string): number {
  let width = 0;
  for (const c of whitespace) width += c === "\t" ? 4 - (width % 4) : 1;
  return width;
}

function tooDeep(): ArticleImportError {
  return new ArticleImportError(
    `This Markdown nests lists or quotes more than ${MAX_NESTING} levels deep or indents lines ` +
      `by more than ${MAX_INDENT_COLUMNS} spaces: flatten it, or upload the article as plain text (.txt).`,
  );
}

/**
 * marked pairs emphasis delimiters (*, _, ~) in time quadratic in their number within one
 * paragraph or list item (markedjs/marked#4099, open for marked 18): 60 KB of "_a_" takes
 * seconds and 2 MB would take hours. Inline text never continues past a blank line or past
 * a line that starts a bullet (or "1.") item, so summing (delimiters in a chunk)² over the
 * chunks between those lines bounds that work from above; chunks only ever merge units, never
 * split one. The budget is about a second for the worst known shapes; an ordinary article
 * uses well under 1% of it.
 */
// marked's own rule for a line that interrupts a paragraph to start a list (GFM mode).
const STARTS_LIST_ITEM = /^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/;
// Only spaces and tabs make a line blank for marked; a line of non-breaking spaces is text.
const BLANK_LINE = /^[ \t]*$/;

function checkEmphasisCost(source: string): void {
  let cost = 0;
  let delimiters = 0;
  for (const line of lines(source)) {
    if (BLANK_LINE.test(line) || STARTS_LIST_ITEM.test(line)) {
      cost += delimiters * delimiters;
      delimiters = 0;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x2a || c === 0x5f || c === 0x7e) delimiters++; // * _ ~
    }
  }
  cost += delimiters * delimiters;
  if (cost > EMPHASIS_BUDGET) {
    throw new ArticleImportError(
      "This Markdown has too many *, _ or ~ characters in one paragraph to import: " +
        "separate its paragraphs with blank lines, or upload the article as plain text (.txt).",
    );
  }
}

/** Lines as marked sees them: it turns every \r\n and lone \r into \n before parsing. */
function lines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}
