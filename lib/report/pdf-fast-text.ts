/**
 * Faster text for pdfkit with embedded fonts, for text that needs no shaping.
 *
 * pdfkit lays out every distinct word with fontkit's full OpenType shaper (GSUB/GPOS lookups:
 * about 30 µs for a short word, 200 µs for a URL) and draws each line through a dozen layers
 * (options, wrapper events, re-layout, save/transform/restore). A report is mostly distinct
 * words (URLs, dates, names) in many short lines: for 1,000 claims that came to seconds.
 *
 * Latin, Greek and Cyrillic text without combining marks looks the same without shaping, bar
 * kerning and ligatures (whose absence also makes copied text cleaner). For such text each code
 * point maps straight to the cmap's glyph, with the glyph's advance; its encoded form is worked
 * out once per document; and PdfFlow writes whole lines as content-stream operators. Anything
 * else (combining marks, Arabic, Hebrew, Indic, CJK, emoji, any astral character) still goes
 * through pdfkit and fontkit, exactly as before.
 *
 * This reaches into pdfkit's EmbeddedFont (`doc._font`: its `layout`, `encode`, `subset`,
 * `widths`, `unicode`, `ref`, `id`): internal API, hence pdfkit is pinned, the shape is checked
 * before anything is touched (otherwise fastFont returns null and pdfkit does everything,
 * slower but right), and the report tests check the PDF's text and links end to end.
 */

// Ranges that render correctly glyph by glyph: Latin (incl. Extended-A/B, IPA, spacing
// modifiers, Extended Additional), Greek (incl. Extended), Cyrillic (incl. Supplement),
// general punctuation, currency symbols, letterlike symbols. Not combining marks
// (U+0300–U+036F), nor the invisible characters among the punctuation (zero-width spaces and
// joiners, line and paragraph separators, bidi controls), which the shaper hides.
const SIMPLE_TEXT =
  /^[\u0000-\u02ff\u0370-\u052f\u1e00-\u1fff\u2000-\u200a\u2010-\u2027\u202f-\u205f\u20a0-\u20cf\u2100-\u214f]*$/;
/** Above every code point SIMPLE_TEXT admits: the size of the per-document tables. */
const TABLE_SIZE = 0x2150;

export interface FastFont {
  /** The font's resource name in the PDF ("F1"). */
  id: string;
  /** Ascent in thousandths of the font size: pdfkit places a line by its top, PDF by its baseline. */
  ascender: number;
  /**
   * `text` as a PDF string operand of 2-byte glyph codes, ready for Tj; null when it needs
   * shaping (draw it with doc.text).
   */
  glyphString(text: string): string | null;
  /** Declares the font as a resource of the current page, before drawing with it. */
  useOnPage(doc: PDFKit.PDFDocument): void;
  /** Width of `text` at `size` in points, as doc.widthOfString would give it; null when it needs shaping. */
  widthOf(text: string, size: number): number | null;
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface LayoutResult {
  glyphs: FontkitGlyph[] | null;
  positions: GlyphPosition[] | null;
  advanceWidth: number;
}

/** The parts of pdfkit's EmbeddedFont this relies on. */
interface EmbeddedFontLike {
  id: string;
  font: { glyphForCodePoint(codePoint: number): FontkitGlyph };
  /** 1000 / unitsPerEm: pdfkit measures in thousandths of the font size. */
  scale: number;
  ascender: number;
  subset: { includeGlyph(glyphId: number): number };
  /** By subset glyph id: what the font's /W array and ToUnicode map are built from. */
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  layout(text: string, features?: unknown, onlyWidth?: boolean): LayoutResult;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
}

function isEmbeddedFont(value: unknown): value is EmbeddedFontLike {
  const font = value as Partial<EmbeddedFontLike> | null;
  return (
    typeof font?.id === "string" &&
    typeof font.layout === "function" &&
    typeof font.encode === "function" &&
    typeof font.ref === "function" &&
    typeof font.scale === "number" &&
    typeof font.ascender === "number" &&
    Array.isArray(font.widths) &&
    Array.isArray(font.unicode) &&
    typeof font.subset?.includeGlyph === "function" &&
    typeof font.font?.glyphForCodePoint === "function"
  );
}

interface Entry {
  glyph: FontkitGlyph;
  /** Read-only: shared by every occurrence of the character (pdfkit copies before changing one). */
  position: GlyphPosition;
  /** The subset glyph id as 4 hex digits, once the character has been encoded. */
  hex?: string;
  /** The same as two bytes (a binary string), escaped for a PDF literal string. */
  bytes?: string;
}

const installed = new WeakMap<object, FastFont>();

/**
 * The fast paths for the document's current font (installed on first use): its layout and
 * encoding become table look-ups for simple text. Null when the font is not what this expects.
 */
export function fastFont(doc: PDFKit.PDFDocument): FastFont | null {
  const embedded: unknown = (doc as unknown as { _font?: unknown })._font;
  if (!isEmbeddedFont(embedded)) return null;
  const existing = installed.get(embedded);
  if (existing) return existing;

  const shapedLayout = embedded.layout.bind(embedded);
  const shapedEncode = embedded.encode.bind(embedded);
  const { scale } = embedded;
  const entries: (Entry | undefined)[] = new Array(TABLE_SIZE);
  const advances = new Float64Array(TABLE_SIZE).fill(-1);

  const entryFor = (code: number): Entry => {
    let entry = entries[code];
    if (!entry) {
      const glyph = embedded.font.glyphForCodePoint(code);
      const width = glyph.advanceWidth * scale;
      entry = { glyph, position: { xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width } };
      entries[code] = entry;
      advances[code] = width;
    }
    return entry;
  };

  // As pdfkit's encode records a glyph: in the subset, with its width and text for copy-paste.
  const encoded = (entry: Entry): Entry & { hex: string; bytes: string } => {
    if (entry.hex === undefined || entry.bytes === undefined) {
      const gid = embedded.subset.includeGlyph(entry.glyph.id);
      embedded.widths[gid] ??= entry.glyph.advanceWidth * scale;
      embedded.unicode[gid] ??= entry.glyph.codePoints;
      entry.hex = gid.toString(16).padStart(4, "0");
      entry.bytes = literalByte(gid >> 8) + literalByte(gid & 0xff);
    }
    return entry as Entry & { hex: string; bytes: string };
  };

  embedded.layout = (text, features, onlyWidth) => {
    if (features || !SIMPLE_TEXT.test(text)) return shapedLayout(text, features, onlyWidth);
    let advanceWidth = 0;
    if (onlyWidth) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const advance = advances[code] ?? -1;
        advanceWidth += advance >= 0 ? advance : entryFor(code).position.advanceWidth;
      }
      return { glyphs: null, positions: null, advanceWidth };
    }
    const glyphs: FontkitGlyph[] = new Array(text.length);
    const positions: GlyphPosition[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const entry = entryFor(text.charCodeAt(i));
      glyphs[i] = entry.glyph;
      positions[i] = entry.position;
      advanceWidth += entry.position.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };

  embedded.encode = (text, features) => {
    if (features || !SIMPLE_TEXT.test(text)) return shapedEncode(text, features);
    const hex: string[] = new Array(text.length);
    const positions: GlyphPosition[] = new Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const entry = entryFor(text.charCodeAt(i));
      hex[i] = encoded(entry).hex;
      positions[i] = entry.position;
    }
    return [hex, positions];
  };

  const fast: FastFont = {
    id: embedded.id,
    ascender: embedded.ascender,
    // A literal (…) string of raw bytes rather than pdfkit's <hex>: half the size, so half the
    // bytes to compress, which is most of what is left of the time for a long report.
    glyphString(text) {
      if (!SIMPLE_TEXT.test(text)) return null;
      let out = "(";
      for (let i = 0; i < text.length; i++) out += encoded(entryFor(text.charCodeAt(i))).bytes;
      return `${out})`;
    },
    widthOf(text, size) {
      if (!SIMPLE_TEXT.test(text)) return null;
      let width = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const advance = advances[code] ?? -1;
        width += advance >= 0 ? advance : entryFor(code).position.advanceWidth;
      }
      return (width * size) / 1000;
    },
    useOnPage(target) {
      const fonts = (target.page as unknown as { fonts: Record<string, unknown> }).fonts;
      fonts[embedded.id] ??= embedded.ref();
    },
  };
  installed.set(embedded, fast);
  return fast;
}

/**
 * One byte inside a PDF literal string, as a character of a binary string (pdfkit writes
 * content as Latin-1 bytes). Delimiters and the backslash are escaped; so are CR and LF, which a
 * reader would otherwise normalise as a line end.
 */
function literalByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return "\\(";
    case 0x29:
      return "\\)";
    case 0x5c:
      return "\\\\";
    case 0x0d:
      return "\\r";
    case 0x0a:
      return "\\n";
    default:
      return String.fromCharCode(byte);
  }
}
