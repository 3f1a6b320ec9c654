import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { VIEWER_BENCH } from "./config";
import type { PageLoad, Variant } from "./load-page";
import type { PayloadFigures } from "./payload";

export interface Stats {
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles: with 11 runs the p90 is the 10th fastest, not an interpolation. */
export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { median: rank(0.5), p90: rank(0.9), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const PHASES = [
  "responseStart",
  "responseEnd",
  "domContentLoaded",
  "editorAt",
  "highlightsAt",
  "cardsAt",
  "drawnAt",
  "interactiveAt",
] as const;
type Phase = (typeof PHASES)[number];

export interface VariantSummary {
  articleId: string;
  claims: number;
  phases: Record<Phase, Stats>;
  probeDelay: Stats | null;
  longTaskMs: Stats;
  longestTaskMs: Stats;
  serverCpuMs: Stats | null;
  highlightIds: number;
  highlightSpans: number;
  cards: number;
  documentBytes: { transferred: number; decoded: number };
}

export interface ViewerReport {
  date: string;
  node: string;
  chromium: string;
  cpus: number;
  cpuModel: string;
  settings: typeof VIEWER_BENCH;
  article: { chars: number };
  payload: PayloadFigures;
  variants: Record<Variant, VariantSummary>;
  /** claims / reference, for the medians and the p90s of `interactiveAt` (and of `drawnAt`). */
  ratio: { interactiveMedian: number; interactiveP90: number; drawnMedian: number };
  /** The target: interactive with every highlight drawn within 1.5× the reference. */
  target: { ratio: number; met: boolean };
  othersCpu: { median: number | null; max: number | null };
  runs: PageLoad[];
}

const TARGET_RATIO = 1.5;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarise(loads: PageLoad[], articleId: string, claims: number): VariantSummary {
  const last = loads[loads.length - 1]!;
  const delays = loads.map((load) => load.probeDelay).filter((delay): delay is number => delay !== null);
  const serverCpu = loads.map((load) => load.serverCpuMs).filter((ms): ms is number => ms !== null);
  return {
    articleId,
    claims,
    phases: Object.fromEntries(PHASES.map((phase) => [phase, stats(loads.map((load) => load[phase]))])) as Record<
      Phase,
      Stats
    >,
    probeDelay: delays.length > 0 ? stats(delays) : null,
    longTaskMs: stats(loads.map((load) => load.longTaskMs)),
    longestTaskMs: stats(loads.map((load) => load.longestTaskMs)),
    serverCpuMs: serverCpu.length > 0 ? stats(serverCpu) : null,
    highlightIds: last.highlightIds,
    highlightSpans: last.highlightSpans,
    cards: last.cards,
    documentBytes: last.documentBytes,
  };
}

export function buildReport(input: {
  chromium: string;
  chars: number;
  payload: PayloadFigures;
  loads: PageLoad[];
  articleIds: Record<Variant, string>;
}): ViewerReport {
  const of = (variant: Variant) => input.loads.filter((load) => load.variant === variant);
  const variants = {
    claims: summarise(of("claims"), input.articleIds.claims, VIEWER_BENCH.claims),
    reference: summarise(of("reference"), input.articleIds.reference, 0),
  };
  const ratio = {
    interactiveMedian: variants.claims.phases.interactiveAt.median / variants.reference.phases.interactiveAt.median,
    interactiveP90: variants.claims.phases.interactiveAt.p90 / variants.reference.phases.interactiveAt.p90,
    drawnMedian: variants.claims.phases.drawnAt.median / variants.reference.phases.drawnAt.median,
  };
  const others = input.loads.map((load) => load.othersCpu).filter((share): share is number => share !== null);
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: input.chromium,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    settings: VIEWER_BENCH,
    article: { chars: input.chars },
    payload: input.payload,
    variants,
    ratio,
    target: { ratio: TARGET_RATIO, met: ratio.interactiveMedian <= TARGET_RATIO },
    othersCpu:
      others.length > 0 ? { median: stats(others).median, max: stats(others).max } : { median: null, max: null },
    runs: input.loads,
  };
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")}`;
const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} KB`;
const pad = (value: string, width: number) => value.padStart(width);

export function printReport(report: ViewerReport): void {
  const { claims, reference } = report.variants;
  console.log("");
  console.log(`Article page, ${report.settings.runs} loads each (alternating), ms since navigation start`);
  console.log(`${"".padEnd(22)}${pad("1,000 claims", 22)}${pad("no claims", 22)}`);
  console.log(`${"".padEnd(22)}${pad("median", 11)}${pad("p90", 11)}${pad("median", 11)}${pad("p90", 11)}`);
  for (const phase of PHASES) {
    const a = claims.phases[phase];
    const b = reference.phases[phase];
    console.log(
      `${phase.padEnd(22)}${pad(ms(a.median), 11)}${pad(ms(a.p90), 11)}${pad(ms(b.median), 11)}${pad(ms(b.p90), 11)}`,
    );
  }
  const rows: [string, (summary: VariantSummary) => Stats | null][] = [
    ["probe input delay", (summary) => summary.probeDelay],
    ["long tasks (sum)", (summary) => summary.longTaskMs],
    ["longest task", (summary) => summary.longestTaskMs],
    ["server CPU", (summary) => summary.serverCpuMs],
  ];
  for (const [label, pick] of rows) {
    const a = pick(claims);
    const b = pick(reference);
    const cell = (stat: Stats | null, key: "median" | "p90") => pad(stat ? ms(stat[key]) : "-", 11);
    console.log(`${label.padEnd(22)}${cell(a, "median")}${cell(a, "p90")}${cell(b, "median")}${cell(b, "p90")}`);
  }
  console.log(
    `highlights: ${claims.highlightIds} claims in ${claims.highlightSpans} spans; ${claims.cards} cards in the panel`,
  );
  console.log(
    `HTML document: ${kb(claims.documentBytes.decoded)} (${kb(claims.documentBytes.transferred)} on the wire) with claims, ` +
      `${kb(reference.documentBytes.decoded)} (${kb(reference.documentBytes.transferred)}) without`,
  );
  console.log(
    `interactive, claims / no claims: ${round(report.ratio.interactiveMedian, 2)}× (median), ` +
      `${round(report.ratio.interactiveP90, 2)}× (p90); target ≤ ${report.target.ratio}×: ${report.target.met ? "met" : "missed"}`,
  );
  const { payload } = report;
  console.log("");
  console.log(`Claims payload: GET ${payload.url}`);
  console.log(
    `  ${payload.status}, ${payload.claims} claims, ${payload.rawBytes.toLocaleString("en-US")} bytes of JSON; ` +
      `${payload.wireBytes.toLocaleString("en-US")} bytes on the wire (${payload.contentEncoding ?? "no encoding"}); ` +
      `${payload.gzipBytes.toLocaleString("en-US")} bytes gzipped`,
  );
  if (payload.revalidation) {
    console.log(
      `  If-None-Match ${payload.etag}: ${payload.revalidation.status}, ${payload.revalidation.wireBytes} body bytes ` +
        `(${payload.revalidation.headerBytes} bytes of headers)`,
    );
  } else {
    console.log("  304 path: the server sent no ETag, so there is nothing to revalidate with (no 304).");
  }
  if (report.othersCpu.max !== null && report.othersCpu.max > 0.1) {
    console.log(
      `\nWarning: other processes used up to ${Math.round(report.othersCpu.max * 100)} % of the machine during a load ` +
        `(median ${Math.round((report.othersCpu.median ?? 0) * 100)} %); rerun when it is quieter.`,
    );
  }
}

export async function writeReport(report: ViewerReport, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(report), { ...options, parser: "json" }));
}
