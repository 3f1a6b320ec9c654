import { extractText, getDocumentProxy } from "unpdf";

/** The PDF's text as a reader's copy-paste would give it, all pages, and its link targets. */
export async function readPdf(pdf: Buffer): Promise<{ text: string; pages: number; links: string[] }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const links: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    for (const annotation of await (await doc.getPage(page)).getAnnotations()) {
      if (annotation.subtype === "Link" && typeof annotation.url === "string") links.push(annotation.url);
    }
  }
  return { text, pages: totalPages, links };
}

/** Text with every kind of whitespace removed: line wrapping may put a break anywhere there was a space, or inside a URL. */
export function squeeze(value: string): string {
  return value.replace(/\s+/g, "");
}

export interface PlacedText {
  page: number;
  text: string;
  /** Left, right and baseline in PDF points (origin bottom-left). */
  left: number;
  right: number;
  baseline: number;
}

/** Every text item with its position, to check layout: margins, overlaps, page breaks. */
export async function placedText(pdf: Buffer): Promise<{ items: PlacedText[]; pageWidth: number; pageHeight: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const items: PlacedText[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
    for (const item of (await page.getTextContent()).items) {
      if (!("str" in item) || !item.str.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      items.push({ page: number, text: item.str, left: x ?? 0, right: (x ?? 0) + item.width, baseline: y ?? 0 });
    }
  }
  return { items, pageWidth, pageHeight };
}
