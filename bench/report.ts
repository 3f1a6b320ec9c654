/**
 * `npm run bench:report`: builds the verification report of an article with 1,000 claims (3 sources
 * each) and renders it in every format, a few runs each. Prints the median and best wall time and
 * the median CPU time per format, and the PDF/Markdown ratio; writes bench/results/report.json.
 * Not a test: timings depend on the machine and on what else it runs (CPU time is disturbed less).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPORT_FORMATS, renderReport } from "@/lib/report/formats";
import { buildReport } from "@/lib/report/model";
import { benchInput } from "@/lib/report/testing/bench-input";

interface Sample {
  wall: number;
  cpu: number;
}

async function measure(fn: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const summary = (samples: Sample[]) => ({
  medianMs: round(median(samples, "wall")),
  bestMs: round(Math.min(...samples.map((s) => s.wall))),
  medianCpuMs: round(median(samples, "cpu")),
});

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  const input = benchInput(1000, 3);
  const build: Sample[] = [];
  for (let i = 0; i < runs; i++) build.push(await measure(() => buildReport(input)));
  const report = buildReport(input);
  console.log(`${input.claims.length} claims × 3 sources, ${input.article.text.length.toLocaleString("en")} characters, ${runs} runs`);
  const results: Record<string, ReturnType<typeof summary> & { firstMs?: number; bytes?: number }> = {
    buildReport: summary(build),
  };
  print("buildReport", results.buildReport!);

  for (const format of REPORT_FORMATS) {
    let bytes = 0;
    // The first run pays for loading (pdfkit and the fonts for PDF); it is reported apart.
    const first = await measure(async () => {
      const output = await renderReport(format, report);
      bytes = typeof output === "string" ? Buffer.byteLength(output) : output.length;
    });
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(() => renderReport(format, report)));
    results[format] = { ...summary(samples), firstMs: round(first.wall), bytes };
    print(format, results[format]!);
  }
  const ratio = (results.pdf?.medianMs ?? 0) / (results.md?.medianMs ?? 1);
  console.log(`PDF / Markdown (medians): ${ratio.toFixed(1)}×  (target < 10×; every format < 1,000 ms)`);

  const out = path.join("bench", "results", "report.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), runs, claims: input.claims.length, results, pdfToMarkdown: round(ratio) }, null, 2)}\n`,
  );
  console.log(`Wrote ${out}`);
}

function print(name: string, r: { medianMs: number; bestMs: number; medianCpuMs: number; firstMs?: number; bytes?: number }) {
  const extra = r.firstMs === undefined ? "" : `, first ${r.firstMs} ms, ${Math.round((r.bytes ?? 0) / 1024)} KiB`;
  console.log(`${name.padEnd(12)} median ${String(r.medianMs).padStart(6)} ms, best ${r.bestMs} ms, cpu ${r.medianCpuMs} ms${extra}`);
}

const round = (value: number) => Math.round(value * 10) / 10;

function median(samples: Sample[], key: keyof Sample): number {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

void main();
