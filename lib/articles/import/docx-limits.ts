import { inflateRawSync } from "node:zlib";
import { ArticleImportError } from "./errors";
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
 * its parts declare), then inflates the XML parts mammoth reads with a hard cap on the output
 * (a crafted zip can declare less than it holds) and counts their elements in one pass.
 * Returns quietly when the file is within the limits or is not a readable zip at all (mammoth
 * then explains that the file cannot be read).
 */
export function checkDocxLimits(zip: Buffer): void {
  const entries = readCentralDirectory(zip);
  if (entries === null) return;
  if (entries.length > MAX_DOCX_ENTRIES) throw tooManyParts();
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > MAX_DOCX_UNPACKED_BYTES) throw unpacksTooLarge(declared);

  const counts = new XmlCounts();
  let budget = MAX_DOCX_UNPACKED_BYTES;
  for (const entry of entries) {
    // Pictures and embedded files are never unpacked (import skips images), so only XML counts.
    if (!/\.(xml|rels)$/i.test(entry.name)) continue;
    const xml = inflate(zip, entry, budget);
    if (xml === null) return;
    budget -= xml.length;
    counts.add(xml);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_MARKER = 0xffffffff;

/**
 * The entries of the zip's central directory, or null when there is none to read. A zip64
 * archive (only needed past 4 GB or 65,535 parts, never by Word) reads as its markers, which
 * exceed the limits.
 */
function readCentralDirectory(zip: Buffer): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const offset = zip.readUInt32LE(eocd + 16);
  // Checked before walking the directory, so a forged count costs nothing.
  if (count > MAX_DOCX_ENTRIES) throw tooManyParts();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, Math.min(zip.length, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_LENGTH - MAX_COMMENT_LENGTH);
  for (let at = zip.length - EOCD_LENGTH; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** One part's bytes, inflated to at most `budget` bytes; null when the part cannot be read. */
function inflate(zip: Buffer, entry: ZipEntry, budget: number): Buffer | null {
  const at = entry.localHeaderOffset;
  if (entry.compressedSize === ZIP64_MARKER || at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    return null;
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > budget) throw unpacksTooLarge();
    return data;
  }
  if (entry.method !== 8) return null;
  try {
    // maxOutputLength stops inflating at the cap, however much the part would unpack to.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError) throw unpacksTooLarge();
    return null; // corrupt data: mammoth reports the file as unreadable
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
 * Elements, paragraphs and nesting depth across the XML parts, throwing as soon as one exceeds
 * its limit. A paragraph is any element named `p` in any namespace prefix (`w:p` in the body,
 * `a:p` in text boxes): both become paragraphs of the article. Attribute values are skipped
 * with their quotes, so a `>` inside one is not taken for the end of a tag.
 */
class XmlCounts {
  private elements = 0;
  private paragraphs = 0;

  add(xml: Buffer): void {
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
      this.elements += 1;
      if (this.elements > MAX_DOCX_ELEMENTS) throw tooManyElements();
      const { end, isParagraph } = scanStartTag(xml, at + 1);
      if (isParagraph && ++this.paragraphs > MAX_DOCX_PARAGRAPHS) throw tooManyParagraphs();
      if (xml[end - 1] !== SLASH) {
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
