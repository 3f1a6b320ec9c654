import { ArticleImportError } from "./errors";

export const BINARY_FILE_MESSAGE =
  "This file does not look like text. If it is a Word document, upload it as a .docx file; " +
  "otherwise save it as plain text (.txt), Markdown (.md) or HTML (.html) and try again.";

/**
 * The text of an uploaded .txt/.md/.html file. Files arrive in whatever encoding the author's
 * editor used: UTF-8 is tried first, UTF-16 is recognised by its byte-order mark (Word and
 * Notepad "Unicode" text), and anything that is not valid UTF-8 is read as Windows-1252,
 * the usual encoding of older Windows text files, rather than turning accents into "�".
 * A NUL character never occurs in real text, so it marks a binary file (a PDF, an image,
 * a .docx picked with the wrong type) that would otherwise import as garbage.
 */
export function decodeText(data: Buffer | string): string {
  // Pasted text is text whatever it holds (a NUL is dropped with other control characters later).
  if (typeof data === "string") return data.replace(/^\uFEFF/, "");
  const text = decodeBytes(data);
  if (text.includes("\u0000")) throw new ArticleImportError(BINARY_FILE_MESSAGE);
  return text;
}

function decodeBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    // ignoreBOM: false (the default) drops a UTF-8 byte-order mark.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has curly quotes, dashes, € and
// friends. Node 20's TextDecoder("windows-1252") decodes as plain Latin-1 and turns exactly
// those characters (the ones Word's smart quotes produce) into invisible control codes.
// Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their Latin-1 code points, as in WHATWG.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}
