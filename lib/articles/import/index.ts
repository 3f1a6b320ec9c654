import type { ArticleDoc } from "../document";
import { plainTextOf } from "../plain-text";
import { sanitizeArticleHtml } from "../sanitize";
import type { ArticleFormat } from "./detect";
import { ArticleImportError, EMPTY_ARTICLE_MESSAGE } from "./errors";
import { htmlToDoc } from "./html-to-doc";
import { toHtml } from "./to-html";

export { sanitizeArticleHtml } from "../sanitize";
export { ARTICLE_FILE_EXTENSIONS, formatFromFileName, type ArticleFormat } from "./detect";
export { ArticleImportError } from "./errors";
export { htmlToDoc } from "./html-to-doc";

/** Upload limit for the raw input (file bytes, or UTF-8 bytes of pasted text). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * Sanitizing and building the document cost a few seconds per 10 MB of HTML. Real articles
 * convert to roughly their own size (heavily formatted Markdown to about 3×), but a small
 * input can expand far more: 2 MB of "- - - - x" lines is 20 MB of nested lists, and a
 * compressed .docx can hold many times its size in text.
 */
const MAX_HTML_LENGTH = 4 * MAX_ARTICLE_BYTES;

const TOO_COMPLEX_MESSAGE =
  "The article is too long or too heavily formatted to import: split it into several " +
  "articles, or upload it as plain text (.txt).";

export interface ImportedArticle {
  doc: ArticleDoc;
  /** `plainTextOf(doc)`: the text claims anchor to. */
  text: string;
}

/**
 * An uploaded or pasted article as a sanitized document: input → HTML → sanitized HTML →
 * document. Throws ArticleImportError, with a message for the person importing, when the
 * input is empty, too large, binary, an unreadable .docx, or shaped so that converting it
 * would tie up the server (absurd nesting, pathological Markdown, huge expansion).
 */
export async function importArticle(input: { format: ArticleFormat; data: Buffer | string }): Promise<ImportedArticle> {
  const { format, data } = input;
  const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : data.length;
  // Checked before any parsing, so an oversized upload costs no conversion work.
  if (bytes > MAX_ARTICLE_BYTES) throw new ArticleImportError(tooLargeMessage(bytes, format));

  const html = await toHtml(format, data);
  if (html.length > MAX_HTML_LENGTH) throw new ArticleImportError(TOO_COMPLEX_MESSAGE);
  const doc = htmlToDoc(sanitizeArticleHtml(html));
  const text = plainTextOf(doc);
  // Input with markup but no words (only images, only a script) is as empty as no input.
  if (text.trim() === "") throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  return { doc, text };
}

function tooLargeMessage(bytes: number, format: ArticleFormat): string {
  // Rounded up, so a file just over the limit never reads as "2.0 MB".
  const size = (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);
  const advice =
    format === "docx"
      ? "remove pictures from the document (they count towards the size), or split it into several articles"
      : "split it into several articles";
  return `The article is larger than 2 MB (this one is ${size} MB): ${advice}, then try again.`;
}
