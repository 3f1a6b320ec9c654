import { LD_JSON } from "@/lib/claims/web-annotation";
import type { Report } from "./types";
import { renderClaimReview } from "./render-claimreview";
import { renderCsv } from "./render-csv";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderW3c } from "./render-w3c";

/** The formats a verification report can be downloaded in, and how each is served. */
export const REPORT_FORMATS = ["pdf", "md", "csv", "json", "claimreview", "w3c"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFormatInfo {
  /** For the download menu. */
  label: string;
  contentType: string;
  /** Without the dot. The two JSON-LD formats get distinct double extensions so both downloads can sit side by side. */
  extension: string;
}

export const REPORT_FORMAT_INFO: Record<ReportFormat, ReportFormatInfo> = {
  pdf: { label: "PDF", contentType: "application/pdf", extension: "pdf" },
  md: { label: "Markdown", contentType: "text/markdown; charset=utf-8", extension: "md" },
  csv: { label: "CSV (spreadsheet)", contentType: "text/csv; charset=utf-8", extension: "csv" },
  json: { label: "JSON", contentType: "application/json", extension: "json" },
  claimreview: {
    label: "ClaimReview (schema.org JSON-LD)",
    contentType: "application/ld+json",
    extension: "claimreview.jsonld",
  },
  w3c: { label: "W3C Web Annotations (JSON-LD)", contentType: LD_JSON, extension: "annotations.jsonld" },
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The report in one format: a Buffer for PDF, a string (to be sent as UTF-8) for the others.
 * pdfkit and the fonts load on the first PDF only, so text formats do not pay for them.
 */
export async function renderReport(format: ReportFormat, report: Report): Promise<Buffer | string> {
  switch (format) {
    case "pdf": {
      const { renderPdf } = await import("./render-pdf");
      return renderPdf(report);
    }
    case "md":
      return renderMarkdown(report);
    case "csv":
      return renderCsv(report);
    case "json":
      return renderJson(report);
    case "claimreview":
      return renderClaimReview(report);
    case "w3c":
      return renderW3c(report);
  }
}

const SLUG_MAX = 60;

/** "kremlin-says-it-is-open-to-talks-verification-report-2022-03-01.pdf" */
export function reportFileName(title: string, date: Date, format: ReportFormat): string {
  return `${slugify(title)}-verification-report-${date.toISOString().slice(0, 10)}.${REPORT_FORMAT_INFO[format].extension}`;
}

/**
 * ASCII, lowercase, words joined by hyphens, at most SLUG_MAX characters (cut at a hyphen when
 * there is one), "article" when nothing is left: accents are dropped ("Café" → "cafe"), other
 * scripts are (there is no good transliteration without a table per language).
 */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!words) return "article";
  if (words.length <= SLUG_MAX) return words;
  const cut = words.slice(0, SLUG_MAX + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

/**
 * A Content-Disposition header that every browser reads: `filename` as a plain ASCII fallback
 * (quotes, backslashes and anything outside printable ASCII replaced by "_"), and `filename*`
 * (RFC 5987/6266) with the exact name in UTF-8 for those that understand it.
 */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
