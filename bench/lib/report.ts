import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { BENCH, type Database, type ServerKind } from "./config";
import { SCENARIOS, type OpenLoopResult, type Probe, type Scenario, type ScenarioFigures } from "./measure";
import { OPEN_KINDS } from "./open-loop";
import type { WriteCheck } from "./verify";

export interface ServerReport {
  id: string;
  kind: ServerKind;
  database: Database;
  label: string;
  instances: number;
  probe: Omit<Probe, "position">;
  scenarios: Record<Scenario, ScenarioFigures>;
  integrity: { updates: WriteCheck; creates: WriteCheck };
  openLoop: OpenLoopResult | null;
  /** Why the open-loop scenario failed on this server, when it did. */
  openLoopError?: string;
  /** What the server wrote to stderr during the run (errors under load show up here). */
  stderr: { lines: number; first: string[] };
}

/** One server's req/s (and req/CPU-s, server and database CPU together) as a share of another's. */
export interface Ratio {
  of: string;
  to: string;
  requestsPerSecond: Record<Scenario, number>;
  perCpuSecond: Record<Scenario, number | null>;
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
  /** Every server returned byte-identical JSON for the same read of the seeded claims. */
  identicalReads: boolean;
  /** Each app (and the ceiling) against the raw reference on its database; the app against the ceiling. */
  ratios: Ratio[];
  targets: {
    /** Per app server: creates and updates ≥ 10 % of the raw reference's req/s, change-reads (304 and with changes) ≥ 50 %. */
    throughput: Record<string, { creates: boolean; updates: boolean; changeReads: boolean; changeSets: boolean }>;
    /** Per app server: open-loop p99 < 50 ms. */
    openLoopP99Below50ms: Record<string, boolean>;
    noFailedOrLostWrites: boolean;
  };
}

const TARGET_WRITES = 0.1;
const TARGET_CHANGE_READS = 0.5;
const TARGET_P99_MS = 50;
/** Above this share of the machine taken by others during a run, the report warns. */
const CONTENDED = 0.1;

const checksOf = (result: ServerReport): WriteCheck[] => [
  result.integrity.updates,
  result.integrity.creates,
  ...(result.openLoop ? [result.openLoop.check.updates, result.openLoop.check.creates] : []),
];
/** Writes answered with an error status (over the whole measured runs) or lost to a connection error. */
const failedWrites = (result: ServerReport) =>
  checksOf(result).reduce((sum, check) => sum + check.rejected, 0) +
  result.scenarios.updates.errors +
  result.scenarios.creates.errors +
  (result.openLoop
    ? result.openLoop.figures.kinds.updates.errors +
      result.openLoop.figures.kinds.creates.errors +
      result.openLoop.figures.skippedUpdates
    : 0);
const lostWrites = (result: ServerReport) => checksOf(result).reduce((sum, check) => sum + check.lost, 0);
const writeProblems = (result: ServerReport) => checksOf(result).flatMap((check) => check.problems);

function ratio(of: ServerReport, to: ServerReport): Ratio {
  const perScenario = <T>(value: (scenario: Scenario) => T) =>
    Object.fromEntries(SCENARIOS.map((scenario) => [scenario, value(scenario)])) as Record<Scenario, T>;
  return {
    of: of.id,
    to: to.id,
    requestsPerSecond: perScenario(
      (scenario) => of.scenarios[scenario].requestsPerSecond / to.scenarios[scenario].requestsPerSecond,
    ),
    perCpuSecond: perScenario((scenario) => {
      const a = of.scenarios[scenario].requestsPerCpuSecond;
      const b = to.scenarios[scenario].requestsPerCpuSecond;
      return a !== null && b !== null ? a / b : null;
    }),
  };
}

export function buildReport(servers: ServerReport[], article: { chars: number; claims: number }): BenchReport {
  const ratios: Ratio[] = [];
  for (const server of servers) {
    const raw = servers.find((other) => other.kind === "raw" && other.database === server.database);
    if (raw && server !== raw) ratios.push(ratio(server, raw));
    const ceiling = servers.find((other) => other.kind === "ceiling" && other.database === server.database);
    if (ceiling && server.kind === "app") ratios.push(ratio(server, ceiling));
  }
  const apps = servers.filter((server) => server.kind === "app");
  const toRaw = (app: ServerReport) =>
    ratios.find((candidate) => candidate.of === app.id && candidate.to.startsWith("raw-"));
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
    identicalReads: servers.every((result) => result.probe.sha256 === servers[0]?.probe.sha256),
    ratios,
    targets: {
      throughput: Object.fromEntries(
        apps.map((app) => {
          const r = toRaw(app)?.requestsPerSecond;
          return [
            app.id,
            {
              creates: r !== undefined && r.creates >= TARGET_WRITES,
              updates: r !== undefined && r.updates >= TARGET_WRITES,
              changeReads: r !== undefined && r.changeReads >= TARGET_CHANGE_READS,
              changeSets: r !== undefined && r.changeSets >= TARGET_CHANGE_READS,
            },
          ];
        }),
      ),
      openLoopP99Below50ms: Object.fromEntries(
        apps.map((app) => [
          app.id,
          app.openLoop !== null && app.openLoop.figures.overall.latencyMs.p99 < TARGET_P99_MS,
        ]),
      ),
      noFailedOrLostWrites: servers.every(
        (result) =>
          failedWrites(result) === 0 &&
          lostWrites(result) === 0 &&
          writeProblems(result).length === 0 &&
          !result.openLoopError,
      ),
    },
  };
}

function busiest(servers: ServerReport[]): number | null {
  const shares = servers.flatMap((result) => [
    ...SCENARIOS.map((scenario) => result.scenarios[scenario].otherCpuShare),
    ...(result.openLoop ? [result.openLoop.figures.otherCpuShare] : []),
  ]);
  return shares.some((share) => share === null) ? null : Math.max(...(shares as number[]));
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
const maybe = (share: number | null) => (share === null ? "?" : percent(share));
const yes = (met: boolean) => (met ? "met" : "MISSED");

export function printReport(report: BenchReport): void {
  const lines: string[] = [];
  const idWidth = Math.max(...report.servers.map((result) => result.id.length)) + 2;
  lines.push(
    "",
    `Annotations API, closed loop: ${report.settings.connections} connections, a ${report.settings.durationSeconds} s measured window per scenario`,
    `${report.article.claims} claims on a ${report.article.chars.toLocaleString("en")}-character article; node ${report.node}, ${report.cpus} CPUs (${report.cpuModel})`,
    "",
    `${"scenario".padEnd(13)}${"server".padEnd(idWidth)}${pad("req/s", 9)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("max ms", 9)}` +
      `${pad("2xx", 8)}${pad("304", 7)}${pad("other", 7)}${pad("errors", 8)}${pad("KB/resp", 9)}${pad("req/CPU-s", 11)}${pad("db CPU", 8)}${pad("others' CPU", 13)}`,
  );
  for (const scenario of SCENARIOS) {
    for (const result of report.servers) {
      const f = result.scenarios[scenario];
      const notModified = f.statusCodes["304"] ?? 0;
      const cpu = (f.serverCpuSeconds ?? 0) + (f.databaseCpuSeconds ?? 0);
      lines.push(
        `${(result === report.servers[0] ? scenario : "").padEnd(13)}${result.id.padEnd(idWidth)}${pad(f.requestsPerSecond.toFixed(1), 9)}` +
          `${pad(f.latencyMs.p50, 9)}${pad(f.latencyMs.p99, 9)}${pad(f.latencyMs.max, 9)}${pad(f.ok, 8)}${pad(notModified, 7)}` +
          `${pad(f.non2xx - notModified, 7)}${pad(f.errors, 8)}${pad((f.bytesPerResponse / 1024).toFixed(1), 9)}` +
          `${pad(f.requestsPerCpuSecond === null ? "?" : f.requestsPerCpuSecond.toFixed(1), 11)}` +
          `${pad(f.databaseCpuSeconds === null || cpu === 0 ? "-" : percent(f.databaseCpuSeconds / cpu), 8)}` +
          `${pad(maybe(f.otherCpuShare), 13)}`,
      );
    }
  }
  lines.push(
    "(req/CPU-s: requests per CPU-second of the server and its database; db CPU: PostgreSQL's share of that; others' CPU: share of all cores other processes used meanwhile)",
    "",
    "Ratios (req/s; req/CPU-s in brackets):",
  );
  for (const r of report.ratios) {
    lines.push(
      `  ${`${r.of} / ${r.to}`.padEnd(2 * idWidth)}` +
        SCENARIOS.map((s) => `${s} ${percent(r.requestsPerSecond[s])} (${maybe(r.perCpuSecond[s])})`).join(", "),
    );
  }
  lines.push(`Same JSON for the same read on all servers: ${report.identicalReads ? "yes" : "NO"}`, "");

  const open = report.servers.filter((result) => result.openLoop);
  if (open.length) {
    const o = report.settings.openLoop;
    lines.push(
      `Open loop: ${o.rate} requests/s for ${o.seconds} s on schedule (${percent(o.mix.changeReads)} change-reads, ${percent(o.mix.updates)} updates, ${percent(o.mix.creates)} creates); latency from the time each request was due, in ms`,
      `${"server".padEnd(idWidth)}${"kind".padEnd(13)}${pad("requests", 10)}${pad("p50", 8)}${pad("p90", 8)}${pad("p99", 8)}${pad("max", 8)}${pad("ok", 7)}${pad("other", 7)}${pad("errors", 8)}`,
    );
    for (const result of open) {
      const f = result.openLoop!.figures;
      for (const kind of [...OPEN_KINDS, "overall"] as const) {
        const k = kind === "overall" ? f.overall : f.kinds[kind];
        lines.push(
          `${(kind === "changeReads" ? result.id : "").padEnd(idWidth)}${kind.padEnd(13)}${pad(k.requests, 10)}${pad(k.latencyMs.p50, 8)}` +
            `${pad(k.latencyMs.p90, 8)}${pad(k.latencyMs.p99, 8)}${pad(k.latencyMs.max, 8)}${pad(k.ok, 7)}${pad(k.non2xx, 7)}${pad(k.errors, 8)}`,
        );
      }
      lines.push(
        `${"".padEnd(idWidth)}achieved ${f.achievedRate.toFixed(1)} answers/s; send lag p99 ${f.sendLagMs.p99} ms, max ${f.sendLagMs.max} ms; ` +
          `at most ${f.peakInFlight} in flight; change-reads ${f.changeReads.notModified} × 304, ${f.changeReads.changed} × 200 ` +
          `(${f.changeReads.claimsPerChange.toFixed(1)} claims, ${(f.changeReads.bytesPerChange / 1024).toFixed(1)} KB each); ` +
          `feed: ${f.feed.supported ? `${f.feed.readers - f.feed.readersOutOfStep} of ${f.feed.readers} tabs in step with the database` : "NOT SUPPORTED (full reads)"}; ` +
          `others' CPU ${maybe(f.otherCpuShare)}`,
      );
      if (f.overall.errors)
        lines.push(
          `${"".padEnd(idWidth)}errors: ${Object.entries(f.overall.errorMessages)
            .map(([message, n]) => `${n} × ${message}`)
            .join(", ")}`,
        );
    }
    lines.push("");
  }

  lines.push(
    "Writes, as the clients were told vs. as the database holds them (closed loop: whole measured runs; open loop: whole run):",
  );
  for (const result of report.servers) {
    const describe = (name: string, check: WriteCheck, unit: string) =>
      `${name}: ${check.acknowledged} acknowledged, ${check.rejected} failed, ${check.written} ${unit} added, ${check.lost} lost, ` +
      `${check.appliedUnanswered} applied of ${check.unanswered} unanswered`;
    lines.push(
      `  ${result.id.padEnd(idWidth)}${describe("creates", result.integrity.creates, "rows")}`,
      `  ${"".padEnd(idWidth)}${describe("updates", result.integrity.updates, "versions")}`,
    );
    if (result.openLoop) {
      lines.push(
        `  ${"".padEnd(idWidth)}${describe("open-loop creates", result.openLoop.check.creates, "rows")}`,
        `  ${"".padEnd(idWidth)}${describe("open-loop updates", result.openLoop.check.updates, "versions")}`,
      );
    }
    for (const problem of writeProblems(result)) lines.push(`  ${"".padEnd(idWidth)}PROBLEM: ${problem}`);
    if (result.stderr.lines) {
      const during = SCENARIOS.map((scenario) => `${scenario} ${result.scenarios[scenario].stderrLinesDuringRun}`).join(
        ", ",
      );
      lines.push(
        `  ${"".padEnd(idWidth)}stderr: ${result.stderr.lines} lines in all (while the load ran: ${during}); first: ${result.stderr.first[0] ?? ""}`,
      );
    }
  }
  lines.push("", "Targets:");
  for (const [id, met] of Object.entries(report.targets.throughput)) {
    const r = report.ratios.find((candidate) => candidate.of === id && candidate.to.startsWith("raw-"));
    const share = (scenario: Scenario) => (r ? percent(r.requestsPerSecond[scenario]) : "no raw reference");
    const app = report.servers.find((result) => result.id === id)!;
    lines.push(
      `  ${id.padEnd(idWidth)}creates ≥ 10 % of raw: ${yes(met.creates)} (${share("creates")}); updates ≥ 10 %: ${yes(met.updates)} (${share("updates")}); ` +
        `change-reads ≥ 50 %: ${yes(met.changeReads)} (${share("changeReads")}, 304) and ${yes(met.changeSets)} (${share("changeSets")}, with changes); open-loop p99 < 50 ms: ${yes(report.targets.openLoopP99Below50ms[id] ?? false)} ` +
        `(${app.openLoop ? `${app.openLoop.figures.overall.latencyMs.p99} ms` : app.openLoopError ? `FAILED: ${app.openLoopError}` : "not run"})`,
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
