import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fastFont } from "./pdf-fast-text";
import { PdfFlow, type Run } from "./pdf-flow";
import { loadFonts } from "./pdf-fonts";
import { placedText, readPdf, squeeze } from "./testing/pdf-text";

const MARGIN = 50;

/** A document laid out by PdfFlow alone, with a small footer on each page as the report has. */
async function layOut(paragraphs: Run[][], size = 10): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({ size: "A5", margin: MARGIN, font: null as unknown as string });
  doc.registerFont("R", fonts.regular);
  doc.registerFont("B", fonts.bold);
  for (const name of ["B", "R"]) fastFont(doc.font(name));
  doc.on("pageAdded", () => {
    doc.page.margins.bottom = 0;
    doc
      .font("R")
      .fontSize(6)
      .text("footer", MARGIN, doc.page.height - 20, { lineBreak: false });
    doc.page.margins.bottom = MARGIN;
    doc.y = MARGIN;
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const flow = new PdfFlow(doc, MARGIN, doc.page.width - 2 * MARGIN);
  for (const runs of paragraphs) flow.paragraph(runs, { size, indent: 10 });
  doc.end();
  return done;
}

const r = (text: string, font = "R"): Run => ({ text, font, color: "#000000" });

describe("PdfFlow", () => {
  it("fills lines to the margin with mixed fonts, across page breaks and blank lines", async () => {
    const words = "regular words fill the line ".repeat(40);
    const bold = "WIDE BOLD WORDS MEASURED IN BOLD ".repeat(40);
    const paragraphs = [[r(words), r(bold, "B"), r(`\n\n\n${words}`)], [r(`${"\n".repeat(80)}${bold}`, "B")]];
    const pdf = await layOut(paragraphs);
    const { items, pageWidth } = await placedText(pdf);
    const body = items.filter((item) => item.text !== "footer");
    expect(new Set(items.map((item) => item.page)).size).toBeGreaterThan(2);
    for (const item of body) {
      expect(item.left).toBeGreaterThanOrEqual(MARGIN + 10 - 0.01);
      expect(item.right).toBeLessThanOrEqual(pageWidth - MARGIN + 0.01);
      expect(item.baseline).toBeGreaterThan(MARGIN);
    }
    // Lines are filled: all but the last of a paragraph reach most of the way across.
    const wide = body.filter((item) => item.right > pageWidth - MARGIN - 40);
    expect(wide.length).toBeGreaterThan(body.length / 3);
    const { text } = await readPdf(pdf);
    expect(squeeze(text.replaceAll("footer", ""))).toContain(squeeze(words + bold));
  });

  it("breaks a word longer than the line, after URL punctuation where it can", async () => {
    const url = `https://example.org/${"abcdefghij/".repeat(12)}end`;
    const { items } = await placedText(await layOut([[{ ...r(url), link: url }]]));
    const lines = items.filter((item) => item.text !== "footer").map((item) => item.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe(url);
    for (const line of lines.slice(0, -1)) expect(line.endsWith("/")).toBe(true);
  });

  it("falls back to pdfkit's own drawing for fonts it does not know", async () => {
    const doc = new PDFDocument({ size: "A5", margin: MARGIN });
    expect(fastFont(doc.font("Helvetica"))).toBeNull();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
    const text = "Standard fonts are drawn by pdfkit itself. ".repeat(10);
    new PdfFlow(doc, MARGIN, doc.page.width - 2 * MARGIN).paragraph([r(text, "Helvetica")], { size: 10 });
    doc.end();
    const { items, pageWidth } = await placedText(await done);
    expect(items.length).toBeGreaterThan(2);
    for (const item of items) expect(item.right).toBeLessThanOrEqual(pageWidth - MARGIN + 0.01);
    expect(squeeze(items.map((item) => item.text).join(""))).toBe(squeeze(text));
  });
});
