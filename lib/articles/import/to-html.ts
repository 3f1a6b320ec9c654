import { decodeText } from "./decode-text";
import type { ArticleFormat } from "./detect";
import { docxToHtml } from "./docx";
import { ArticleImportError, EMPTY_ARTICLE_MESSAGE } from "./errors";
import { markdownToHtml } from "./markdown";
import { checkPlainTextLines } from "./output-limits";

/**
 * Any supported input as HTML, not yet sanitized: every format goes through the same
 * sanitizer and document builder, so they all obey one set of rules.
 */
export async function toHtml(format: ArticleFormat, data: Buffer | string): Promise<string> {
  switch (format) {
    case "txt":
      return textToHtml(nonEmptyText(data));
    case "md":
      return markdownToHtml(nonEmptyText(data));
    case "html":
      return nonEmptyText(data);
    case "docx":
      return docxToHtml(data);
    default:
      // Reachable when a caller passes an unchecked value from a form field.
      throw new ArticleImportError("This kind of file cannot be imported: upload a .txt, .md, .html or .docx file.");
  }
}

function nonEmptyText(data: Buffer | string): string {
  const text = decodeText(data);
  if (text.trim() === "") throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  return text;
}

/** Plain text: every non-empty line is a paragraph (hard-wrapped text is not rejoined). */
export function textToHtml(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  checkPlainTextLines(lines.length);
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
