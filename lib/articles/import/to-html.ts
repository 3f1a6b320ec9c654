import mammoth from "mammoth";
import { Marked } from "marked";
import { decodeText } from "./decode-text";
import type { ArticleFormat } from "./detect";
import { ArticleImportError, EMPTY_ARTICLE_MESSAGE } from "./errors";

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
      throw new ArticleImportError(
        "This kind of file cannot be imported: upload a .txt, .md, .html or .docx file.",
      );
  }
}

function nonEmptyText(data: Buffer | string): string {
  const text = decodeText(data);
  if (text.trim() === "") throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  return text;
}

/** Plain text: every non-empty line is a paragraph (hard-wrapped text is not rejoined). */
export function textToHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// A private instance: options set on the global `marked` elsewhere in the app must not change imports.
const markdown = new Marked({ gfm: true, breaks: false });

/** Markdown (GitHub flavour). Raw HTML inside it passes through here and is sanitized later. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false });
}

const DOCX_UNREADABLE_MESSAGE =
  "This .docx file could not be read: open it in Word or Google Docs, save it again as .docx " +
  "and upload the new file, or paste the article's text instead.";

const DOCX_PROTECTED_MESSAGE =
  "This file is password-protected or in the old Word .doc format: remove the password or " +
  "save it as .docx (Word: File → Save As → Word Document), then upload it again.";

// Encrypted .docx files and old .doc files are both OLE compound files, not zip archives.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Images would be inlined as base64 data: URLs only for the sanitizer to throw them away.
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function docxToHtml(data: Buffer | string): Promise<string> {
  if (typeof data === "string") {
    // Pasted text can never be a .docx; the bytes of the uploaded file are needed.
    throw new ArticleImportError(DOCX_UNREADABLE_MESSAGE);
  }
  if (data.length === 0) throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  if (data.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new ArticleImportError(DOCX_PROTECTED_MESSAGE);
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      // Linked (not embedded) files must never be fetched from the server's disk or network.
      { convertImage: skipImages, externalFileAccess: false },
    );
    return result.value;
  } catch {
    // mammoth throws for anything that is not a Word zip (random bytes, a renamed PDF,
    // a truncated upload); none of those is a bug here, so the person gets the advice.
    throw new ArticleImportError(DOCX_UNREADABLE_MESSAGE);
  }
}
