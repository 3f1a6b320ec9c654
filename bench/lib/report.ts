import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { BENCH, type ServerKind } from "./config";
import { SCENARIOS, type Probe, type Scenario, type ScenarioFigures } from "./measure";
import type { WriteCheck } from "./verify";

export interface ServerReport {
  kind: ServerKind;
  label: string;
  probe: Probe;
  scenarios: Record<Scenario, ScenarioFigures>;
  integrity: { updates: WriteCheck; creates: WriteCheck };
  /** What the server wrote to stderr during the run (errors under load show up here). */
  stderr: { lines: number; first: string[] };
}

export interface BenchReport {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  platform: string;
  settings: typeof BENCH;
  article: { chars: number; claims: number };
  servers: ServerReport[];
  /** The most CPU other processes took during any one run (share of all cores); see `otherCpuShare`. */
  busiestOtherCpuShare: number | null;
  /** All three servers returned byte-identical JSON for the same read of the seeded claims. */
  identicalReads: boolean;
  /** req/s of the app over the others'; also per CPU-second of each server, which other load on the machine disturbs less. */
  ratios: Record<
    Scenario,
    { appToCeiling: number; appToRaw: number; perCpuSecond: { appToCeiling: number | null; appToRaw: number | null } }
  >;
  targets: {
    appAtLeastHalfOfCeiling: Record<Scenario, boolean>;
    appP99Below50ms: Record<Scenario, boolean>;
    noFailedOrLostWrites: boolean;
  };
}

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
/** Above this share of the machine taken by others during a run, the report warns. */
const CONTENDED = 0.1;

function server(servers: ServerReport[], kind: ServerKind): ServerReport {
  const found = servers.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`No results for the ${kind} server`);
  return found;
}

/** Writes answered with an error status (over the whole measured runs) or lost to a connection error. */
const failedWrites = (result: ServerReport) =>
  result.integrity.updates.rejected +
  result.integrity.creates.rejected +
  result.scenarios.updates.errors +
  result.scenarios.creates.errors;
const lostWrites = (result: ServerReport) => result.integrity.updates.lost + result.integrity.creates.lost;
const writeProblems = (result: ServerReport) => [
  ...result.integrity.updates.problems,
  ...result.integrity.creates.problems,
];

export function buildReport(servers: ServerReport[], article: { chars: number; claims: number }): BenchReport {
  const app = server(servers, "app");
  const ceiling = server(servers, "ceiling");
  const raw = server(servers, "raw");
  const rate = (result: ServerReport, scenario: Scenario) => result.scenarios[scenario].requestsPerSecond;
  const perScenario = <T>(value: (scenario: Scenario) => T) =>
    Object.fromEntries(SCENARIOS.map((scenario) => [scenario, value(scenario)])) as Record<Scenario, T>;
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    platform: `${os.platform()} ${os.release()}`,
    settings: BENCH,
    article,
    servers,
    busiestOtherCpuShare: busiest(servers),
    identicalReads: servers.every((result) => result.probe.sha256 === app.probe.sha256),
    ratios: perScenario((scenario) => ({
      appToCeiling: rate(app, scenario) / rate(ceiling, scenario),
      appToRaw: rate(app, scenario) / rate(raw, scenario),
      perCpuSecond: { appToCeiling: perCpu(app, ceiling, scenario), appToRaw: perCpu(app, raw, scenario) },
    })),
    targets: {
      appAtLeastHalfOfCeiling: perScenario((scenario) => rate(app, scenario) >= TARGET_RATIO * rate(ceiling, scenario)),
      appP99Below50ms: perScenario((scenario) => app.scenarios[scenario].latencyMs.p99 < TARGET_P99_MS),
      noFailedOrLostWrites: servers.every(
        (result) => failedWrites(result) === 0 && lostWrites(result) === 0 && writeProblems(result).length === 0,
      ),
    },
  };
}

function perCpu(app: ServerReport, other: ServerReport, scenario: Scenario): number | null {
  const a = app.scenarios[scenario].requestsPerServerCpuSecond;
  const b = other.scenarios[scenario].requestsPerServerCpuSecond;
  return a !== null && b !== null ? a / b : null;
}

function busiest(servers: ServerReport[]): number | null {
  const shares = servers.flatMap((result) => SCENARIOS.map((scenario) => result.scenarios[scenario].otherCpuShare));
  return shares.some((share) => share === null) ? null : Math.max(...(shares as number[]));
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const yes = (met: boolean) => (met ? "met" : "MISSED");

export function printReport(report: BenchReport): void {
  const lines: string[] = [];
  lines.push(
    "",
    `Annotations API, ${report.settings.connections} connections, a ${report.settings.durationSeconds} s measured window per scenario`,
  );
  lines.push(
    `${report.article.claims} claims on a ${report.article.chars.toLocaleString("en")}-character article; node ${report.node}, ${report.cpus} CPUs (${report.cpuModel})`,
    "",
  );
  lines.push(
    `${"scenario".padEnd(9)}${"server".padEnd(9)}${pad("req/s", 9)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}${pad("2xx", 8)}${pad("non-2xx", 9)}${pad("errors", 8)}${pad("KB/resp", 9)}${pad("req/CPU-s", 11)}${pad("others' CPU", 13)}`,
  );
  for (const scenario of SCENARIOS) {
    for (const result of report.servers) {
      const f = result.scenarios[scenario];
      lines.push(
        `${(result === report.servers[0] ? scenario : "").padEnd(9)}${result.kind.padEnd(9)}${pad(f.requestsPerSecond.toFixed(1), 9)}${pad(f.latencyMs.p50, 9)}` +
          `${pad(f.latencyMs.p99, 9)}${pad(f.latencyMs.max, 9)}${pad(f.ok, 8)}${pad(f.non2xx, 9)}${pad(f.errors, 8)}${pad((f.bytesPerResponse / 1024).toFixed(1), 9)}` +
          `${pad(f.requestsPerServerCpuSecond === null ? "?" : f.requestsPerServerCpuSecond.toFixed(1), 11)}` +
          `${pad(f.otherCpuShare === null ? "?" : percent(f.otherCpuShare), 13)}`,
      );
    }
  }
  lines.push(
    "(req/CPU-s: requests per CPU-second of the server process; others' CPU: share of all cores other processes used meanwhile)",
  );
  const opening = (result: ServerReport) =>
    SCENARIOS.map((scenario) => result.scenarios[scenario].openingSeconds.toFixed(1)).join("/");
  lines.push(
    `Opening the connections took (s, reads/updates/creates): ${report.servers.map((result) => `${result.kind} ${opening(result)}`).join(", ")}`,
  );
  lines.push(
    "",
    "app / ceiling (req/s):  " + SCENARIOS.map((s) => `${s} ${percent(report.ratios[s].appToCeiling)}`).join(", "),
  );
  lines.push(
    "app / raw     (req/s):  " + SCENARIOS.map((s) => `${s} ${percent(report.ratios[s].appToRaw)}`).join(", "),
  );
  const maybe = (ratio: number | null) => (ratio === null ? "?" : percent(ratio));
  lines.push(
    "app / ceiling (req/CPU-s): " +
      SCENARIOS.map((s) => `${s} ${maybe(report.ratios[s].perCpuSecond.appToCeiling)}`).join(", "),
  );
  lines.push(
    "app / raw     (req/CPU-s): " +
      SCENARIOS.map((s) => `${s} ${maybe(report.ratios[s].perCpuSecond.appToRaw)}`).join(", "),
  );
  lines.push(`Same JSON for the same read on all servers: ${report.identicalReads ? "yes" : "NO"}`, "");
  lines.push(
    "Writes over each whole measured run (opening, ramp and window), as the clients were told vs. as the database holds them:",
  );
  for (const result of report.servers) {
    const { creates, updates } = result.integrity;
    const codes = (scenario: Scenario) => JSON.stringify(result.scenarios[scenario].statusCodes);
    lines.push(
      `  ${result.kind.padEnd(8)} creates: ${creates.acknowledged} acknowledged, ${creates.rejected} failed, ${creates.written} rows added, ${creates.lost} lost, ` +
        `${creates.appliedUnanswered} applied of ${creates.unanswered} unanswered; statuses in the window ${codes("creates")}`,
      `  ${"".padEnd(8)} updates: ${updates.acknowledged} acknowledged, ${updates.rejected} failed, ${updates.written} versions added, ${updates.lost} lost, ` +
        `${updates.appliedUnanswered} applied of ${updates.unanswered} unanswered; statuses in the window ${codes("updates")}`,
    );
    for (const problem of writeProblems(result)) lines.push(`  ${"".padEnd(8)} PROBLEM: ${problem}`);
    if (result.stderr.lines) {
      const during = SCENARIOS.map((scenario) => `${scenario} ${result.scenarios[scenario].stderrLinesDuringRun}`).join(
        ", ",
      );
      lines.push(
        `  ${"".padEnd(8)} stderr: ${result.stderr.lines} lines in all (while the load ran: ${during}); first: ${result.stderr.first[0] ?? ""}`,
      );
    }
  }
  lines.push("", "Targets:");
  for (const scenario of SCENARIOS) {
    const app = report.servers.find((result) => result.kind === "app")!;
    lines.push(
      `  ${scenario.padEnd(8)} app ≥ 50 % of ceiling: ${yes(report.targets.appAtLeastHalfOfCeiling[scenario])} (${percent(report.ratios[scenario].appToCeiling)}); ` +
        `p99 < 50 ms: ${yes(report.targets.appP99Below50ms[scenario])} (${app.scenarios[scenario].latencyMs.p99} ms)`,
    );
  }
  lines.push(`  zero failed or lost writes (all servers): ${yes(report.targets.noFailedOrLostWrites)}`, "");
  if (report.busiestOtherCpuShare !== null && report.busiestOtherCpuShare > CONTENDED) {
    lines.push(
      `WARNING: other processes on this machine used up to ${percent(report.busiestOtherCpuShare)} of all cores during the runs.`,
      "The absolute figures are lower than on a quiet machine and the ratios noisier; run again when it is idle.",
      "",
    );
  }
  console.log(lines.join("\n"));
}

/** Writes the report as JSON, formatted as the repository's Prettier settings want it. */
export async function writeReport(report: BenchReport, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(report), { ...options, parser: "json" }));
}
