import { formatDate, formatDateTime } from "@/lib/format";

/** Small text helpers shared by the report model and its renderers. */

/**
 * True for absolute http(s) URLs only. The API already validates source and article URLs, but a
 * report is a document that leaves the app, so every renderer re-checks before making a link:
 * a `javascript:` or `data:` link in an exported file would run outside our CSP.
 */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** "2022-02-25" from an ISO date-time (UTC), as schema.org and file names want it. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

/** "2022-02-25 10:15" (UTC): a date-time that spreadsheets recognise as one without a locale. */
export function spreadsheetDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Whitespace runs (newlines too) as single spaces: for one-line renderings of typed text. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Splits typed text into lines, whatever the line endings, without trailing whitespace. */
export function linesOf(value: string): string[] {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const dayCache = new Map<string, string>();

/**
 * formatDateTime's "25 Feb 2022, 10:15 UTC" for an ISO date-time in UTC, about ten times faster:
 * Intl formats each distinct day once and the time is read off the string. A report shows
 * thousands of timestamps over a few days (a test checks both always agree).
 */
export function reportDateTime(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) || !iso.endsWith("Z")) return formatDateTime(iso);
  const day = iso.slice(0, 10);
  let formatted = dayCache.get(day);
  if (formatted === undefined) {
    if (dayCache.size > 10_000) dayCache.clear();
    formatted = formatDate(`${day}T00:00:00Z`);
    dayCache.set(day, formatted);
  }
  return `${formatted}, ${iso.slice(11, 16)} UTC`;
}
