import { marked } from "marked";
import { describe, expect, it } from "vitest";
import {
  REPORT_FORMATS,
  REPORT_FORMAT_INFO,
  contentDisposition,
  isReportFormat,
  renderReport,
  reportFileName,
  slugify,
  type ReportFormat,
} from "./formats";
import type { Report } from "./types";
import { parseCsv } from "./testing/csv";
import { TRICKY_NOTE, TRICKY_PASSAGE, emptyReport, fixtureReport } from "./testing/fixture";
import { readPdf, squeeze } from "./testing/pdf-text";

const MESSAGE = "No claims have been marked in this article.";

/** Everything a reader of the format would see, as text, whatever the format's syntax. */
async function readable(format: ReportFormat, report: Report): Promise<string> {
  const output = await renderReport(format, report);
  switch (format) {
    case "pdf":
      expect(Buffer.isBuffer(output)).toBe(true);
      return (await readPdf(output as Buffer)).text;
    case "md":
      return decodeEntities(marked.parse(output as string, { async: false }).replace(/<[^>]+>/g, ""));
    case "csv":
      return parseCsv((output as string).replace(/^\uFEFF/, ""))
        .flat()
        .join("\n");
    default:
      return collectStrings(JSON.parse(output as string)).join("\n");
  }
}

function decodeEntities(html: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" };
  return html.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => named[name] ?? "");
}

function collectStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(collectStrings);
  return [];
}

describe("every format", () => {
  it.each(REPORT_FORMATS)("%s says so when there are no claims", async (format) => {
    expect(await readable(format, emptyReport())).toContain(MESSAGE);
  });

  it.each(REPORT_FORMATS)("%s keeps the tricky passage and note intact", async (format) => {
    const text = await readable(format, fixtureReport());
    if (format === "csv" || format === "json" || format === "w3c") {
      expect(text).toContain(TRICKY_PASSAGE);
      expect(text).toContain(TRICKY_NOTE);
    } else if (format === "claimreview") {
      expect(text).toContain(TRICKY_PASSAGE); // the note is not part of a ClaimReview
    } else {
      // Laid out: line breaks may move, the text may not change.
      expect(squeeze(text)).toContain(squeeze(TRICKY_PASSAGE));
      for (const line of TRICKY_NOTE.split("\n")) expect(squeeze(text)).toContain(squeeze(line));
    }
  });

  it("JSON is the report object itself", async () => {
    const report = fixtureReport();
    expect(JSON.parse((await renderReport("json", report)) as string)).toEqual(report);
  });
});

describe("format metadata", () => {
  it("serves each format with its content type", () => {
    expect(Object.fromEntries(REPORT_FORMATS.map((f) => [f, REPORT_FORMAT_INFO[f].contentType]))).toEqual({
      pdf: "application/pdf",
      md: "text/markdown; charset=utf-8",
      csv: "text/csv; charset=utf-8",
      json: "application/json",
      claimreview: "application/ld+json",
      w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    });
  });

  it("recognises format names", () => {
    expect(REPORT_FORMATS.every(isReportFormat)).toBe(true);
    expect(isReportFormat("docx")).toBe(false);
    expect(isReportFormat("constructor")).toBe(false);
  });
});

describe("reportFileName", () => {
  const date = new Date("2022-03-01T23:30:00Z");

  it("slugs the title and adds the date and extension", () => {
    expect(reportFileName(fixtureReport().article.title, date, "pdf")).toBe(
      "kremlin-says-it-is-open-to-talks-as-sanctions-bite-verification-report-2022-03-01.pdf",
    );
    expect(reportFileName("A", date, "md")).toBe("a-verification-report-2022-03-01.md");
    expect(reportFileName("A", date, "claimreview")).toBe("a-verification-report-2022-03-01.claimreview.jsonld");
    expect(reportFileName("A", date, "w3c")).toBe("a-verification-report-2022-03-01.annotations.jsonld");
  });

  it("gives every format a distinct name", () => {
    const names = REPORT_FORMATS.map((format) => reportFileName("A", date, format));
    expect(new Set(names).size).toBe(REPORT_FORMATS.length);
  });

  it("keeps slugs ASCII, short and never empty", () => {
    expect(slugify("Café à Paris: l’été")).toBe("cafe-a-paris-l-ete");
    expect(slugify("Путин готов к переговорам")).toBe("article");
    expect(slugify("  --  ")).toBe("article");
    expect(slugify("Путин and Zelensky")).toBe("and-zelensky");
    const long = slugify("The quick brown fox jumps over the lazy dog while the cat watches from the windowsill");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe("the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-cat");
    expect(slugify("x".repeat(100))).toBe("x".repeat(60));
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII filename and the exact one in RFC 5987 form", () => {
    expect(contentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('Путин "report" (1)\\.pdf')).toBe(
      `attachment; filename="_____ _report_ (1)_.pdf"; filename*=UTF-8''%D0%9F%D1%83%D1%82%D0%B8%D0%BD%20%22report%22%20%281%29%5C.pdf`,
    );
    expect(contentDisposition("a.pdf", "inline")).toMatch(/^inline; /);
  });
});
