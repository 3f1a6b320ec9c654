import { describe, expect, it } from "vitest";
import { buildReport } from "./model";
import { renderPdf } from "./render-pdf";
import { TRICKY_NOTE, emptyReport, fixtureClaims, fixtureInput, fixtureReport, source } from "./testing/fixture";
import { benchInput } from "./testing/bench-input";
import { placedText, readPdf, squeeze } from "./testing/pdf-text";

describe("renderPdf", () => {
  it("writes searchable text: title, passages, verdicts, sources and non-Latin text", async () => {
    const report = fixtureReport();
    const pdf = await renderPdf(report);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text } = await readPdf(pdf);
    const found = squeeze(text);

    expect(found).toContain(squeeze(report.article.title));
    for (const claim of [...report.claims, ...report.orphaned]) {
      expect(found).toContain(squeeze(claim.passage));
      expect(found).toContain(squeeze(claim.rating ? `Verdict: ${claim.rating.alternateName}` : "Not rated yet"));
      for (const { url } of claim.sources) expect(found).toContain(squeeze(url));
    }
    for (const line of TRICKY_NOTE.split("\n")) expect(found).toContain(squeeze(line));
    expect(text).toContain("«Путин» готов к переговорам");
    expect(text).toContain("Ο Πούτιν είναι έτοιμος για συνομιλίες");
    expect(found).toContain(squeeze("Orphaned claims"));
  });

  it("links each source, the article and each claim", async () => {
    const report = fixtureReport();
    const { links } = await readPdf(await renderPdf(report));
    for (const claim of [...report.claims, ...report.orphaned]) {
      expect(links).toContain(claim.link);
      for (const { url } of claim.sources) expect(links).toContain(new URL(url).href);
    }
    expect(links).toContain(report.article.url);
    expect(links).toContain(
      "https://ert.example/news/%CF%80%CE%BF%CF%8D%CF%84%CE%B9%CE%BD-%CF%83%CF%85%CE%BD%CE%BF%CE%BC%CE%B9%CE%BB%CE%AF%CE%B5%CF%82?lang=el",
    );
    expect(links.every((url) => url.startsWith("https://"))).toBe(true);
  });

  it("embeds the DejaVu fonts", async () => {
    const raw = (await renderPdf(fixtureReport())).toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Oblique\b/);
    expect(raw).not.toContain("Helvetica");
  });

  it("says so when there are no claims", async () => {
    const { text } = await readPdf(await renderPdf(emptyReport()));
    expect(text).toContain("No claims have been marked in this article.");
  });

  it("wraps a URL or word longer than a line instead of losing it, and never links anything but http(s)", async () => {
    const longUrl = `https://example.org/${"segment-".repeat(30)}end?query=${"x".repeat(80)}`;
    const longWord = "Донаудампфшиффартсгезельшафтскапитän".repeat(6);
    const claims = fixtureClaims();
    claims[0] = {
      ...claims[0]!,
      note: longWord,
      sources: [
        source("s-long", longUrl, "A very long address", null, null, claims[0]!.author, "2022-02-25T09:40:00.000Z"),
      ],
    };
    claims[1] = {
      ...claims[1]!,
      sources: [
        source(
          "s-bad",
          "javascript:alert(1)",
          "Not a web page",
          null,
          null,
          claims[1]!.author,
          "2022-02-25T09:40:00.000Z",
        ),
      ],
    };
    const { text, links } = await readPdf(await renderPdf(buildReport(fixtureInput({ claims }))));
    expect(squeeze(text)).toContain(longUrl);
    expect(squeeze(text)).toContain(longWord);
    expect(links).toContain(longUrl);
    expect(links.some((url) => url.startsWith("javascript:"))).toBe(false);
    expect(text).toContain("not a web link");
  });

  it("keeps rendering correct text for scripts it does not lay out itself", async () => {
    const claims = fixtureClaims();
    claims[0] = { ...claims[0]!, note: "Combining: e\u0301te\u0301. Hebrew: שלום. Emoji: 👍." };
    const { text } = await readPdf(await renderPdf(buildReport(fixtureInput({ claims }))));
    expect(text.normalize("NFC")).toContain("Combining: été.");
    expect(text).toContain("שלום");
  });

  it("keeps text inside the margins, above the footer, and never on top of other text", async () => {
    const { items, pageWidth } = await placedText(await renderPdf(buildReport(benchInput(40))));
    const margin = 56;
    const body = items.filter((item) => !item.text.startsWith("Verification report:"));
    const footers = items.filter((item) => item.text.startsWith("Verification report:"));
    expect(new Set(footers.map((footer) => footer.page)).size).toBe(new Set(items.map((item) => item.page)).size);
    for (const item of body) {
      expect(item.left).toBeGreaterThanOrEqual(margin - 0.01);
      expect(item.right).toBeLessThanOrEqual(pageWidth - margin + 0.01);
      expect(item.baseline).toBeGreaterThan(margin);
    }
    const sameLine = (a: (typeof body)[number], b: (typeof body)[number]) =>
      a.page === b.page && Math.abs(a.baseline - b.baseline) < 1;
    for (let i = 0; i < body.length; i++) {
      for (let j = i + 1; j < body.length && j < i + 8; j++) {
        const [a, b] = [body[i]!, body[j]!];
        if (sameLine(a, b)) expect(a.right <= b.left + 0.01 || b.right <= a.left + 0.01).toBe(true);
      }
    }
  });
});
