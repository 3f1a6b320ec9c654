import { inflateRawSync } from "node:zlib";
import { ArticleImportError, DOCX_UNREADABLE_MESSAGE } from "./errors";
import {
  MAX_DOCX_DEPTH,
  MAX_DOCX_ELEMENTS,
  MAX_DOCX_ENTRIES,
  MAX_DOCX_PARAGRAPHS,
  MAX_DOCX_UNPACKED_BYTES,
} from "./limits";

/**
 * Checks a .docx against the limits in `limits.ts` before mammoth touches it: mammoth unzips
 * and parses every part into memory at once, so a small file that unpacks to gigabytes, or to
 * millions of paragraphs, would exhaust the heap. Reads the zip's central directory (the sizes
 * its parts declare), then inflates every part with a hard cap on the output (a crafted zip can
 * declare less than it holds) and counts the elements of its XML in the same pass.
 *
 * Every part is checked, whatever its name: the package's own relationships say which parts
 * mammoth reads, so a crafted file can have it parse "image.png". And a zip this reader cannot
 * follow exactly as jszip (mammoth's unzipper) would is refused as unreadable rather than
 * handed on unchecked: Word's files are always plain zips that both read the same way.
 */
export function checkDocxLimits(zip: Buffer): void {
  const entries = readCentralDirectory(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > MAX_DOCX_UNPACKED_BYTES) throw unpacksTooLarge(declared);

  const counts = new XmlCounts();
  let budget = MAX_DOCX_UNPACKED_BYTES;
  for (const entry of entries) {
    const content = inflate(zip, entry, budget);
    budget -= content.length;
    counts.add(content);
  }
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const CENTRAL_HEADER_LENGTH = 46;
const LOCAL_HEADER_LENGTH = 30;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

/**
 * The entries of the zip's central directory, read as jszip reads them: the last end-of-directory
 * record, then every consecutive directory record (jszip does not stop at the declared count).
 * Zip64 (only needed past 4 GB or 65,535 parts, never by Word) and a directory that is not
 * where the end record says (jszip then guesses an offset) are refused as unreadable.
 */
function readCentralDirectory(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) throw unreadable();
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === ZIP64_COUNT || size === ZIP64_SIZE || offset === ZIP64_SIZE) throw unreadable();
  if (offset + size !== eocd) throw unreadable();
  const entries: ZipEntry[] = [];
  let at = offset;
  while (at + 4 <= eocd && zip.readUInt32LE(at) === CENTRAL_SIGNATURE) {
    if (entries.length >= MAX_DOCX_ENTRIES) throw tooManyParts();
    if (at + CENTRAL_HEADER_LENGTH > eocd) throw unreadable();
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === ZIP64_SIZE || entry.uncompressedSize === ZIP64_SIZE) throw unreadable();
    entries.push(entry);
    at += CENTRAL_HEADER_LENGTH + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  if (entries.length !== count) throw unreadable();
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_LENGTH - MAX_COMMENT_LENGTH);
  for (let at = zip.length - EOCD_LENGTH; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** One part's bytes, inflated to at most `budget` bytes. */
function inflate(zip: Buffer, entry: ZipEntry, budget: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_LENGTH > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw unreadable();
  // Where jszip finds the data too: after the local header's own name and extra field.
  const start = at + LOCAL_HEADER_LENGTH + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw unreadable();
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > budget) throw unpacksTooLarge();
    return data;
  }
  if (entry.method !== 8) throw unreadable(); // jszip reads only stored and deflated parts
  try {
    // maxOutputLength stops inflating at the cap, however much the part would unpack to.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError) throw unpacksTooLarge();
    throw unreadable(); // corrupt data
  }
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const LOWER_P = 0x70;

/**
 * Elements, paragraphs and nesting depth across the parts, throwing as soon as one exceeds its
 * limit. A paragraph is any element named `p` in any namespace prefix (`w:p` in the body, `a:p`
 * in text boxes): both become paragraphs of the article. Attribute values are skipped with
 * their quotes, so a `>` inside one is not taken for the end of a tag. Pictures are scanned too
 * (a part's name proves nothing) but only count the odd "<" followed by a letter, a few per KB
 * of at most 2 MB, and their depth is not tracked: only parts that start like XML nest.
 */
class XmlCounts {
  private elements = 0;
  private paragraphs = 0;

  add(xml: Buffer): void {
    const nests = looksLikeXml(xml);
    let depth = 0;
    let at = xml.indexOf(LT);
    while (at >= 0) {
      const next = xml[at + 1];
      if (next === SLASH) {
        depth -= 1;
        at = xml.indexOf(LT, at + 2);
        continue;
      }
      if (next === QUESTION || next === BANG) {
        at = xml.indexOf(LT, skipMarkup(xml, at));
        continue;
      }
      if (!isNameStart(next)) {
        at = xml.indexOf(LT, at + 1);
        continue;
      }
      this.elements += 1;
      if (this.elements > MAX_DOCX_ELEMENTS) throw tooManyElements();
      const { end, isParagraph } = scanStartTag(xml, at + 1);
      if (isParagraph && ++this.paragraphs > MAX_DOCX_PARAGRAPHS) throw tooManyParagraphs();
      if (nests && xml[end - 1] !== SLASH) {
        depth += 1;
        if (depth > MAX_DOCX_DEPTH) throw nestedTooDeeply();
      }
      at = xml.indexOf(LT, end + 1);
    }
  }
}

/** From just after "<": the index of the tag's closing ">", and whether it is named p. */
function scanStartTag(xml: Buffer, from: number): { end: number; isParagraph: boolean } {
  let at = from;
  let nameStart = from;
  while (at < xml.length && !isNameEnd(xml[at]!)) {
    if (xml[at] === COLON) nameStart = at + 1;
    at++;
  }
  const isParagraph = at - nameStart === 1 && xml[nameStart] === LOWER_P;
  while (at < xml.length && xml[at] !== GT) {
    const c = xml[at]!;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = xml.indexOf(c, at + 1);
      at = close < 0 ? xml.length : close + 1;
    } else {
      at++;
    }
  }
  return { end: at, isParagraph };
}

/** An XML name's first character: a letter, "_", ":" or any non-ASCII character. */
function isNameStart(c: number | undefined): boolean {
  if (c === undefined) return false;
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || c === 0x5f || c === COLON || c >= 0x80;
}

/** Starts with "<" after an optional UTF-8 byte-order mark and whitespace. */
function looksLikeXml(part: Buffer): boolean {
  let at = part[0] === 0xef && part[1] === 0xbb && part[2] === 0xbf ? 3 : 0;
  while (at < part.length && (part[at] === 0x20 || part[at] === 0x09 || part[at] === 0x0a || part[at] === 0x0d)) at++;
  return part[at] === LT;
}

function isNameEnd(c: number): boolean {
  return c === GT || c === SLASH || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Past a declaration, processing instruction, comment or CDATA section starting at `at`. */
function skipMarkup(xml: Buffer, at: number): number {
  const terminator = xml.subarray(at, at + 4).toString("latin1").startsWith("<!--")
    ? "-->"
    : xml.subarray(at, at + 9).toString("latin1") === "<![CDATA["
      ? "]]>"
      : ">";
  const end = xml.indexOf(terminator, at + 2, "latin1");
  return end < 0 ? xml.length : end + terminator.length;
}

const unreadable = () => new ArticleImportError(DOCX_UNREADABLE_MESSAGE);

const tooManyParts = () =>
  new ArticleImportError(
    `This .docx file holds more than ${MAX_DOCX_ENTRIES.toLocaleString("en")} parts (pictures, embedded ` +
      "files): save a copy without them, or paste the article's text instead.",
  );

/** `declared`: what the zip says its parts unpack to, when that is already too much. */
function unpacksTooLarge(declared?: number): ArticleImportError {
  return new ArticleImportError(
    `This .docx file unpacks to more than ${megabytes(MAX_DOCX_UNPACKED_BYTES)} MB` +
      (declared === undefined ? "" : ` (this one to ${megabytes(declared)} MB)`) +
      ": it is probably damaged or not a real Word document. Open it in Word, save it again as .docx, " +
      "or paste the article's text instead.",
  );
}

const tooManyParagraphs = () =>
  new ArticleImportError(
    `This document has more than ${MAX_DOCX_PARAGRAPHS.toLocaleString("en")} paragraphs: split it into ` +
      "several articles. (Empty paragraphs count too: remove blank lines used for spacing.)",
  );

const tooManyElements = () =>
  new ArticleImportError(
    `This document is too heavily formatted to import (more than ${MAX_DOCX_ELEMENTS.toLocaleString("en")} ` +
      "formatting elements): split it into several articles, or paste its text instead.",
  );

const nestedTooDeeply = () =>
  new ArticleImportError(
    `This document nests tables, lists or fields more than ${MAX_DOCX_DEPTH} levels deep (it is probably ` +
      "damaged): open it in Word, save it again as .docx, or paste the article's text instead.",
  );

const megabytes = (bytes: number): string => Math.ceil(bytes / (1024 * 1024)).toLocaleString("en");
