import { fastFont, type FastFont } from "./pdf-fast-text";

/**
 * Paragraph layout for the report PDF: greedy line filling at spaces, mixed runs (regular,
 * bold, oblique, links) in one paragraph, hard line breaks, page breaks.
 *
 * Why not pdfkit's own text(): its wrapper runs the full Unicode line-breaking algorithm and an
 * event emitter per word, then draws every fragment through a dozen layers; for a 1,000-claim
 * report (testing/bench-input.ts) that was most of several seconds. Breaking at spaces is what a report
 * of prose, names and URLs needs; a "word" wider than the line (a long URL, text without
 * spaces) is cut where it fills the line, after a "/", "-", "?", "&" or "=" when there is one.
 * Finished lines of simple text are written as content-stream operators (pdf-fast-text.ts);
 * text that needs shaping goes through doc.text() without wrapping.
 */

export interface Run {
  text: string;
  /** A name registered with doc.registerFont. */
  font: string;
  /** "#rrggbb". */
  color: string;
  /** An http(s) URL, in ASCII form, the run links to. */
  link?: string | null;
}

export interface ParagraphStyle {
  size: number;
  indent?: number;
  lineGap?: number;
}

interface Piece {
  text: string;
  width: number;
  run: Run;
}

/** The line being filled, and what every line of the paragraph shares. */
interface LineState {
  size: number;
  indent: number;
  maxWidth: number;
  /** Height of the text itself (a link's height); lineHeight adds the gap below. */
  textHeight: number;
  lineHeight: number;
  /** The run whose font widthOfString must be measuring in. */
  measuring: Run;
  pieces: Piece[];
  width: number;
}

function push(line: LineState, text: string, width: number, run: Run): void {
  line.pieces.push({ text, width, run });
  line.width += width;
}

const PREFERRED_CUT = /[/\-?&=]/;

export class PdfFlow {
  private readonly fastFonts = new Map<string, FastFont | null>();
  /** Text operators (a binary string) not yet written to the page, and the font and colour they set. */
  private pending = "";
  private pendingFont = "";
  private pendingColor = "";

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly left: number,
    private readonly width: number,
  ) {}

  /** Lays out `runs` from doc.y down, starting new pages as needed; leaves doc.y below it. */
  paragraph(runs: Run[], style: ParagraphStyle): void {
    const { doc } = this;
    const first = runs[0];
    if (!first) return;
    doc.font(first.font).fontSize(style.size);
    const line: LineState = {
      size: style.size,
      indent: style.indent ?? 0,
      maxWidth: this.width - (style.indent ?? 0),
      textHeight: doc.currentLineHeight(),
      lineHeight: doc.currentLineHeight(true) + (style.lineGap ?? 0),
      measuring: first,
      pieces: [],
      width: 0,
    };
    for (const run of runs) {
      line.measuring = run;
      doc.font(run.font).fontSize(style.size);
      // Measured by the fast font where it can (no pdfkit layers, no allocation per word).
      const fast = this.fastFont(run.font);
      const measure = (text: string) => fast?.widthOf(text, style.size) ?? doc.widthOfString(text);
      const spaceWidth = measure(" ");
      const hardLines = run.text.split("\n");
      for (let index = 0; index < hardLines.length; index++) {
        if (index > 0) this.flush(line);
        const hardLine = hardLines[index] ?? "";
        // Tokens are words with the spaces after them.
        for (let start = 0, end = 0; start < hardLine.length; start = end) {
          const space = hardLine.indexOf(" ", start);
          end = space < 0 ? hardLine.length : space + 1;
          const token = hardLine.slice(start, end);
          const width = measure(token);
          const visible = space < 0 ? width : width - spaceWidth;
          if (line.width + visible <= line.maxWidth) {
            push(line, token, width, run);
            continue;
          }
          if (line.pieces.length > 0) this.flush(line);
          if (token === " ") continue; // a space that overflows would only indent the next line
          if (visible <= line.maxWidth) {
            push(line, token, width, run);
            continue;
          }
          for (let rest = token; rest;) {
            const cut = this.fit(rest, line.maxWidth);
            const part = rest.slice(0, cut);
            rest = rest.slice(cut);
            push(line, part, measure(part), run);
            if (rest) this.flush(line);
          }
        }
      }
    }
    if (line.pieces.length > 0) this.flush(line);
    this.writePending();
    doc.x = this.left;
  }

  private flush(line: LineState): void {
    this.drawLine(line);
    line.pieces = [];
    line.width = 0;
    // Drawing switched fonts, and a new page's footer changed the size: measure as before.
    this.doc.font(line.measuring.font).fontSize(line.size);
  }

  /** Length of the longest prefix of `text` no wider than `maxWidth` (at least one character). */
  private fit(text: string, maxWidth: number): number {
    const { doc } = this;
    let low = 1;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (doc.widthOfString(text.slice(0, mid)) <= maxWidth) low = mid;
      else high = mid - 1;
    }
    // Never split a surrogate pair; prefer to cut after URL punctuation in the last third.
    if (low < text.length && /[\uDC00-\uDFFF]/.test(text[low] ?? "")) low = Math.max(1, low - 1);
    for (let i = low; i > Math.floor((low * 2) / 3); i--) if (PREFERRED_CUT.test(text[i - 1] ?? "")) return i;
    return low;
  }

  private drawLine({ pieces, indent, lineHeight, textHeight, size }: LineState): void {
    const { doc } = this;
    if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) {
      this.writePending(); // to the page it was laid out for
      doc.addPage();
    }
    const y = doc.y;
    const pageHeight = doc.page.height;
    let x = this.left + indent;

    // Consecutive pieces of one run are drawn as one fragment.
    for (let i = 0; i < pieces.length;) {
      const run = (pieces[i] as Piece).run;
      let text = "";
      let width = 0;
      for (let piece = pieces[i]; piece?.run === run; piece = pieces[++i]) {
        text += piece.text;
        width += piece.width;
      }
      doc.font(run.font).fontSize(size);
      const fast = this.fastFont(run.font);
      const glyphs = fast?.glyphString(text) ?? null;
      if (fast && glyphs !== null) {
        fast.useOnPage(doc);
        const baseline = pageHeight - y - (fast.ascender / 1000) * size;
        // Font and colour stay set within a batch: only changes are written.
        const font = `/${fast.id} ${size} Tf\n`;
        if (font !== this.pendingFont) this.pending += this.pendingFont = font;
        const color = `${rgb(run.color)} rg\n`;
        if (color !== this.pendingColor) this.pending += this.pendingColor = color;
        this.pending += `1 0 0 1 ${num(x)} ${num(baseline)} Tm\n${glyphs} Tj\n`;
        if (run.link) doc.link(x, y, width, textHeight, run.link);
      } else {
        this.writePending();
        doc.fillColor(run.color).text(text, x, y, { lineBreak: false, ...(run.link ? { link: run.link } : {}) });
      }
      x += width;
    }
    doc.x = this.left;
    doc.y = y + lineHeight;
  }

  /**
   * Writes the text operators gathered so far to the current page: once per paragraph (or page),
   * as bytes, which spares pdfkit converting the string character by character.
   */
  private writePending(): void {
    if (!this.pending) return;
    // pdfkit's pages are flipped to a top-left origin; text is drawn in PDF's own space.
    const ops = `q\n1 0 0 -1 0 ${this.doc.page.height} cm\nBT\n${this.pending}ET\nQ\n`;
    this.doc.addContent(Buffer.from(ops, "latin1"));
    this.pending = this.pendingFont = this.pendingColor = "";
  }

  private fastFont(name: string): FastFont | null {
    let fast = this.fastFonts.get(name);
    if (fast === undefined) {
      fast = fastFont(this.doc.font(name));
      this.fastFonts.set(name, fast);
    }
    return fast;
  }
}

const rgbCache = new Map<string, string>();

/** "#1a4fb4" as the operands of PDF's `rg` (DeviceRGB fill colour). */
function rgb(hex: string): string {
  let value = rgbCache.get(hex);
  if (value === undefined) {
    const channel = (i: number) => num(parseInt(hex.slice(i, i + 2), 16) / 255);
    value = `${channel(1)} ${channel(3)} ${channel(5)}`;
    rgbCache.set(hex, value);
  }
  return value;
}

function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
