/**
 * Times every report format on benchInput() (1,000 claims, 3 sources each):
 *   npx tsx lib/report/testing/bench.ts [runs]
 * Not a test: timings depend on the machine and on what else it is running, so it prints the
 * median and best wall-clock time and the median CPU time of the process (which other
 * processes disturb less). The first PDF also pays for loading pdfkit and reading the fonts.
 */
import { benchInput } from "../bench-data";
import { REPORT_FORMATS, renderReport } from "../formats";
import { buildReport } from "../model";

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

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 9);
  const input = benchInput();
  const build: Sample[] = [];
  for (let i = 0; i < runs; i++) build.push(await measure(() => buildReport(input)));
  const report = buildReport(input);
  console.log(
    `${input.claims.length} claims, ${input.article.text.length.toLocaleString("en")} characters of article, ${runs} runs`,
  );
  console.log(
    `buildReport   median ${ms(median(build, "wall"))}, best ${ms(best(build))}, cpu ${ms(median(build, "cpu"))}`,
  );

  const medians: Partial<Record<string, number>> = {};
  for (const format of REPORT_FORMATS) {
    let size = 0;
    const first = await measure(async () => {
      const output = await renderReport(format, report);
      size = typeof output === "string" ? Buffer.byteLength(output) : output.length;
    });
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(() => renderReport(format, report)));
    medians[format] = median(samples, "wall");
    console.log(
      `${format.padEnd(12)}  median ${ms(median(samples, "wall"))}, best ${ms(best(samples))}, cpu ${ms(median(samples, "cpu"))}` +
        `, first ${ms(first.wall)}, ${(size / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(`pdf / md (medians): ${((medians.pdf ?? 0) / (medians.md ?? 1)).toFixed(1)}×`);
}

const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
const best = (samples: Sample[]) => Math.min(...samples.map((s) => s.wall));

function median(samples: Sample[], key: keyof Sample): number {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

void main();
