import { stringifyJson } from "@/lib/json/script-safe";
import type { Report } from "./types";

/** The report object itself, as the page shows it: for scripts and archives. */
export function renderJson(report: Report): string {
  return `${stringifyJson(report, 2)}\n`;
}
