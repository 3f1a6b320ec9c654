import crypto from "node:crypto";
import type { ClaimSelectors } from "@/lib/anchoring";
import { BENCH, type ServerSpec } from "./config";
import { runCreates, runReads, runUpdates, type LoadFigures, type Target } from "./load";
import type { BenchData } from "./seed";
import type { RunningServer } from "./server-process";
import {
  checkCreates,
  checkUpdates,
  countClaims,
  statusSnapshot,
  trackClaims,
  waitUntilQuiet,
  type WriteCheck,
} from "./verify";

/**
 * In this order on every server, so that each scenario meets the same database everywhere: reads
 * see the seeded claims only, updates change seeded claims, creates come last.
 */
export const SCENARIOS = ["reads", "updates", "creates"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioFigures extends LoadFigures {
  /** Lines the server wrote to stderr while the load ran (not counting what it logs once the clients hang up). */
  stderrLinesDuringRun: number;
}

export interface ServerUnderTest {
  spec: ServerSpec;
  server: RunningServer;
  target: Target;
}

export interface Probe {
  claims: number;
  bytes: number;
  sha256: string;
}

/** One read before any load: how many claims, how big, and a hash to compare the servers' answers by. */
export async function probe({ target }: ServerUnderTest): Promise<Probe> {
  const response = await fetch(`${target.url}/api/articles/${target.articleId}/annotations`, {
    headers: target.headers,
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`Reading the claims answered ${response.status}: ${body.slice(0, 300)}`);
  const claims = (JSON.parse(body) as { claims: unknown[] }).claims.length;
  return { claims, bytes: Buffer.byteLength(body), sha256: crypto.createHash("sha256").update(body).digest("hex") };
}

const measured = () => ({ connections: BENCH.connections, seconds: BENCH.durationSeconds });
const warmup = (requests: number) => ({ connections: BENCH.warmup.connections, requests });

/** Runs a load and notes how many lines the server logged to stderr meanwhile. */
async function watchingStderr<T extends { figures: LoadFigures }>(
  subject: ServerUnderTest,
  run: () => Promise<T>,
): Promise<T & { figures: ScenarioFigures }> {
  const stderrBefore = subject.server.stderr().lines;
  const result = await run();
  const stderrLinesDuringRun = subject.server.stderr().lines - stderrBefore;
  return { ...result, figures: { ...result.figures, stderrLinesDuringRun } };
}

export async function measureReads(subject: ServerUnderTest): Promise<ScenarioFigures> {
  await runReads(subject.target, warmup(BENCH.warmup.reads));
  return (await watchingStderr(subject, async () => ({ figures: await runReads(subject.target, measured()) }))).figures;
}

export async function measureUpdates(
  subject: ServerUnderTest,
  data: BenchData,
): Promise<{ figures: ScenarioFigures; check: WriteCheck }> {
  const file = subject.spec.databaseFile;
  await runUpdates(subject.target, warmup(BENCH.warmup.updates), trackClaims(file, data.claimIds));
  await waitUntilQuiet(file);
  const tracked = trackClaims(file, data.claimIds);
  const before = statusSnapshot(file, data.claimIds);
  const { figures } = await watchingStderr(subject, async () => ({
    figures: await runUpdates(subject.target, measured(), tracked),
  }));
  await waitUntilQuiet(file);
  return { figures, check: checkUpdates(file, before, tracked) };
}

export async function measureCreates(
  subject: ServerUnderTest,
  data: BenchData,
  passages: ClaimSelectors[],
): Promise<{ figures: ScenarioFigures; check: WriteCheck }> {
  const file = subject.spec.databaseFile;
  await runCreates(subject.target, warmup(BENCH.warmup.creates), passages);
  await waitUntilQuiet(file);
  const rowsBefore = countClaims(file, data.articleId);
  const run = await watchingStderr(subject, () => runCreates(subject.target, measured(), passages));
  await waitUntilQuiet(file);
  return {
    figures: run.figures,
    check: checkCreates(file, data.articleId, rowsBefore, run),
  };
}
