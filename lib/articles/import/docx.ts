import mammoth from "mammoth";
import { checkDocxLimits } from "./docx-limits";
import { ArticleImportError, DOCX_UNREADABLE_MESSAGE, EMPTY_ARTICLE_MESSAGE } from "./errors";

const DOCX_PROTECTED_MESSAGE =
  "This file is password-protected or in the old Word .doc format: remove the password or " +
  "save it as .docx (Word: File → Save As → Word Document), then upload it again.";

// Encrypted .docx files and old .doc files are both OLE compound files, not zip archives.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Images would be inlined as base64 data: URLs only for the sanitizer to throw them away.
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/**
 * A Word document's body as HTML (mammoth's default style map: Heading 1 → h1, bold → strong,
 * lists, links, footnotes). Anything that is not a readable .docx becomes ArticleImportError,
 * and so does one that would unpack to more than import's limits (`docx-limits.ts`).
 */
export async function docxToHtml(data: Buffer | string): Promise<string> {
  if (typeof data === "string") {
    // Pasted text can never be a .docx; the bytes of the uploaded file are needed.
    throw new ArticleImportError(DOCX_UNREADABLE_MESSAGE);
  }
  if (data.length === 0) throw new ArticleImportError(EMPTY_ARTICLE_MESSAGE);
  if (data.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new ArticleImportError(DOCX_PROTECTED_MESSAGE);
  }
  // Before mammoth, which unzips and parses every part into memory at once.
  checkDocxLimits(data);
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
