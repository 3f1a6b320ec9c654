import type { ArticleDoc, DocNode } from "../document";
import { ArticleImportError } from "./errors";
import { MAX_BLOCKS, MAX_DOC_JSON_LENGTH, MAX_HTML_ELEMENTS, MAX_HTML_LENGTH, MAX_TEXT_CHARS } from "./limits";

const SPLIT_OR_TXT = "split it into several articles, or upload it as plain text (.txt).";

/**
 * The HTML an input converts to, before it is sanitized: the sanitizer's and the document
 * builder's cost is per character and per tag, so both are bounded first.
 */
export function checkHtmlLimits(html: string): void {
  if (html.length > MAX_HTML_LENGTH) {
    throw new ArticleImportError(
      `The article is too long or too heavily formatted to import (it converts to more than ` +
        `${MAX_HTML_LENGTH / (1024 * 1024)} MB of HTML): ${SPLIT_OR_TXT}`,
    );
  }
  if (countStartTags(html) > MAX_HTML_ELEMENTS) {
    throw new ArticleImportError(
      `The article is too heavily formatted to import (more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} ` +
        `tags, such as paragraphs, links and bold text): ${SPLIT_OR_TXT}`,
    );
  }
}

/** Non-empty lines of a plain-text article, each of which becomes a paragraph. */
export function checkPlainTextLines(lines: number): void {
  if (lines > MAX_BLOCKS) throw tooManyBlocks();
}

/** The document that would be stored, and its plain text. */
export function checkDocLimits(doc: ArticleDoc, text: string): void {
  if (countBlocks(doc.content) > MAX_BLOCKS) throw tooManyBlocks();
  if (text.length > MAX_TEXT_CHARS) {
    throw new ArticleImportError(
      `The article is longer than ${(MAX_TEXT_CHARS / 1_000_000).toLocaleString("en")} million characters ` +
        "(about 400,000 words): split it into several articles.",
    );
  }
  if (JSON.stringify(doc).length > MAX_DOC_JSON_LENGTH) {
    throw new ArticleImportError(
      `The article is too long or too heavily formatted to import (its document would be larger than ` +
        `${MAX_DOC_JSON_LENGTH / (1024 * 1024)} MB): ${SPLIT_OR_TXT}`,
    );
  }
}

function tooManyBlocks(): ArticleImportError {
  return new ArticleImportError(
    `The article has more than ${MAX_BLOCKS.toLocaleString("en")} paragraphs, headings and list items: ` +
      "split it into several articles.",
  );
}

/** "<" followed by a letter: every start tag, and a few stray "<a" in text (an upper bound). */
function countStartTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    const c = html.charCodeAt(at + 1) | 0x20; // lower-cased if a letter
    if (c >= 0x61 && c <= 0x7a) count++;
  }
  return count;
}

function countBlocks(nodes: readonly DocNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.type === "text" || node.type === "hardBreak") continue;
    count += 1 + countBlocks(node.content ?? []);
  }
  return count;
}
