import type { ArticleDoc } from "../document";
import { BIDI_CONTROLS } from "@/lib/text/characters";
import { plainTextOf } from "../plain-text";
import { sanitizeArticleHtml } from "../sanitize";
import type { ArticleFormat } from "./detect";
import { ArticleImportError, EMPTY_ARTICLE_MESSAGE } from "./errors";
import { htmlToDoc } from "./html-to-doc";
import { MAX_ARTICLE_BYTES } from "./limits";
import { checkDocLimits, checkHtmlLimits } from "./output-limits";
import { toHtml } from "./to-html";

export { sanitizeArticleHtml } from "../sanitize";
export { ARTICLE_FILE_EXTENSIONS, formatFromFileName, type ArticleFormat } from "./detect";
export { ArticleImportError } from "./errors";
export { htmlToDoc } from "./html-to-doc";
export { MAX_ARTICLE_BYTES } from "./limits";

export interface ImportedArticle {
  doc: ArticleDoc;
  /** `plainTextOf(doc)`: the text claims anchor to. */
  text: string;
}

/**
 * An uploaded or pasted article as a sanitized document: input → HTML → sanitized HTML →
 * document. Throws ArticleImportError, with a message for the person importing, when the
 * input is empty, too large, binary, an unreadable .docx, or shaped so that converting it
 * would tie up the server (absurd nesting, pathological Markdown, huge expansion): each step
 * is bounded by what it produces (see `limits.ts`), before the next, costlier step runs.
 * This is CPU-bound work on untrusted input: the server runs it in a worker
 * (`lib/server/import-pool.ts`), with a time and memory cap on top of these limits.
 */
export async function importArticle(input: { format: ArticleFormat; data: Buffer | string }): Promise<ImportedArticle> {
  const { format, data } = input;
  const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : data.length;
  // Checked before any parsing, so an oversized upload costs no conversion work.
  if (bytes > MAX_ARTICLE_BYTES) throw new ArticleImportError(tooLargeMessage(bytes, format));

  const html = await toHtml(format, data);
  checkHtmlLimits(html);
  const doc = htmlToDoc(sanitizeArticleHtml(html));
  const text = plainTextOf(doc);
  // Input with markup but no words (only images, only a script, only invisible direction marks)
  // is as empty as no input.
  if (text.replace(BIDI_CONTROLS, "").trim() === "") throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  checkDocLimits(doc, text);
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
