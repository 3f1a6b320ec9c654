import type { Report } from "./model";

/** The report object itself, as the page shows it: for scripts and archives. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
