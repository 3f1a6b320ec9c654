import type { Report, ReportClaim, ReportSource } from "./types";
import { oneLine, spreadsheetDateTime } from "./text";

/**
 * The report as CSV for spreadsheets: one row per claim (placed claims in reading order, then
 * orphans), RFC 4180 (CRLF between records, fields quoted when needed, quotes doubled), UTF-8
 * with a byte-order mark because Excel otherwise reads it in the system code page and garbles
 * every non-Latin letter. An article without claims gets a single row saying so, so that the
 * file is never just a header.
 */

export const CSV_COLUMNS = [
  "Claim",
  "Placement",
  "Article",
  "Article URL",
  "Passage",
  "Status",
  "Verdict",
  "Rating",
  "Review",
  "Reviewer",
  "Review comment",
  "Note",
  "Sources",
  "Editor",
  "Marked at (UTC)",
  "Last changed at (UTC)",
  "Last change",
  "Link",
] as const;

const BOM = "\uFEFF";
const RECORD_SEPARATOR = "\r\n";

const PLACEMENT_LABEL = {
  anchored: "In text",
  needs_confirmation: "Needs confirmation",
  orphaned: "Orphaned",
} as const;

export function renderCsv(report: Report): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const all = [...report.claims, ...report.unconfirmed, ...report.orphaned];
  for (const claim of all) rows.push(claimRow(report, claim));
  if (report.emptyMessage) rows.push(emptyRow(report, report.emptyMessage));
  return BOM + rows.map((row) => row.map(csvCell).join(",")).join(RECORD_SEPARATOR) + RECORD_SEPARATOR;
}

function claimRow(report: Report, claim: ReportClaim): string[] {
  return [
    String(claim.number),
    PLACEMENT_LABEL[claim.placement.status],
    report.article.title,
    report.article.url ?? "",
    claim.passage,
    claim.statusLabel,
    claim.rating?.alternateName ?? "",
    claim.rating ? `${claim.rating.value}/${claim.rating.best}` : "",
    claim.review.label,
    claim.review.reviewer?.name ?? "",
    claim.review.comment ?? "",
    claim.note,
    claim.sources.map(sourceText).join("\n"),
    claim.editor.name,
    spreadsheetDateTime(claim.createdAt),
    spreadsheetDateTime(claim.lastChange.at),
    `${claim.lastChange.by} ${claim.lastChange.description}`,
    claim.link,
  ];
}

function emptyRow(report: Report, message: string): string[] {
  const row = CSV_COLUMNS.map(() => "");
  row[CSV_COLUMNS.indexOf("Article")] = report.article.title;
  row[CSV_COLUMNS.indexOf("Article URL")] = report.article.url ?? "";
  row[CSV_COLUMNS.indexOf("Passage")] = message;
  return row;
}

/** "Title — Publisher — URL": one source per line inside the cell. */
function sourceText(source: ReportSource): string {
  return [oneLine(source.title), source.publisher && oneLine(source.publisher), source.url].filter(Boolean).join(" — ");
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: neutralised against formula injection with a leading apostrophe (Excel and
 * LibreOffice show the rest as text), then quoted when it holds a quote, comma or line break.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
