import crypto from "node:crypto";
import type { ClaimSelectors } from "@/lib/anchoring";
import { BENCH } from "./config";
import {
  headerOf,
  runChangeReads,
  runCreates,
  runReads,
  runUpdates,
  type FeedPosition,
  type LoadFigures,
  type LoadSubject,
} from "./load";
import { runOpenLoop, type OpenLoopFigures } from "./open-loop";
import type { BenchData } from "./seed";
import type { Subject } from "./servers";
import {
  checkCreates,
  checkUpdates,
  countClaims,
  liveVersions,
  statusSnapshot,
  trackClaims,
  waitUntilQuiet,
  type WriteCheck,
} from "./verify";

/**
 * Closed-loop scenarios, in this order on every server so that each meets the same database
 * everywhere: page loads and change-reads see the seeded claims only, updates change seeded
 * claims, creates come last. The open-loop scenario runs after all of them.
 */
export const SCENARIOS = ["reads", "changeReads", "changeSets", "updates", "creates"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ScenarioFigures extends LoadFigures {
  /** Lines the server wrote to stderr while the load ran (not counting what it logs once the clients hang up). */
  stderrLinesDuringRun: number;
}

export interface Probe {
  claims: number;
  bytes: number;
  sha256: string;
  /** The cursor and ETag of that read: where the change-read clients start. */
  position: FeedPosition;
}

const loadSubject = (subject: Subject): LoadSubject => ({
  targets: subject.targets,
  watched: { serverGroupIds: subject.instances.map((server) => server.pid), databasePid: subject.databasePid },
});

/**
 * One read before any load: how many claims, how big, a hash to compare the servers' answers by
 * (the dates and ids are the same rows everywhere, so the JSON must be byte-identical), and the
 * feed position the change-read clients start from.
 */
export async function probe(subject: Subject): Promise<Probe> {
  const target = subject.targets[0]!;
  const response = await fetch(`${target.url}/api/articles/${target.articleId}/annotations`, {
    headers: target.headers,
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`Reading the claims answered ${response.status}: ${body.slice(0, 300)}`);
  const parsed = JSON.parse(body) as { claims: unknown[]; cursor?: string };
  return {
    claims: parsed.claims.length,
    bytes: Buffer.byteLength(body),
    sha256: crypto.createHash("sha256").update(body).digest("hex"),
    position: { cursor: parsed.cursor ?? "0", etag: headerOf(Object.fromEntries(response.headers), "etag") ?? null },
  };
}

const measured = () => ({ connections: BENCH.connections, seconds: BENCH.durationSeconds });
const warmup = (requests: number) => ({ connections: BENCH.warmup.connections, requests });

/** Runs a load and notes how many lines the servers logged to stderr meanwhile. */
async function watchingStderr<F extends object, T extends { figures: F }>(
  subject: Subject,
  run: () => Promise<T>,
): Promise<T & { figures: F & { stderrLinesDuringRun: number } }> {
  const lines = () => subject.instances.reduce((sum, server) => sum + server.stderr().lines, 0);
  const stderrBefore = lines();
  const result = await run();
  return { ...result, figures: { ...result.figures, stderrLinesDuringRun: lines() - stderrBefore } };
}

export async function measureReads(subject: Subject): Promise<ScenarioFigures> {
  const load = loadSubject(subject);
  await runReads(load, warmup(BENCH.warmup.reads));
  return (await watchingStderr(subject, async () => ({ figures: await runReads(load, measured()) }))).figures;
}

/** Change-reads that find nothing new (304), or (`changeSets`) the same `BENCH.changeSetSize` changes every time. */
export async function measureChangeReads(
  subject: Subject,
  from: FeedPosition,
  variant: "changeReads" | "changeSets",
): Promise<ScenarioFigures> {
  const load = loadSubject(subject);
  const start =
    variant === "changeReads" ? from : { cursor: String(Number(from.cursor) - BENCH.changeSetSize), etag: null };
  const follow = variant === "changeReads";
  await runChangeReads(load, warmup(BENCH.warmup.changeReads), start, follow);
  return (
    await watchingStderr(subject, async () => ({ figures: await runChangeReads(load, measured(), start, follow) }))
  ).figures;
}

export async function measureUpdates(
  subject: Subject,
  data: BenchData,
): Promise<{ figures: ScenarioFigures; check: WriteCheck }> {
  const { location } = subject;
  const load = loadSubject(subject);
  await runUpdates(load, warmup(BENCH.warmup.updates), await trackClaims(location, data.claimIds));
  await waitUntilQuiet(location);
  const tracked = await trackClaims(location, data.claimIds);
  const before = await statusSnapshot(location, data.claimIds);
  const { figures } = await watchingStderr(subject, async () => ({
    figures: await runUpdates(load, measured(), tracked),
  }));
  await waitUntilQuiet(location);
  return { figures, check: await checkUpdates(location, before, tracked) };
}

export async function measureCreates(
  subject: Subject,
  data: BenchData,
  passages: ClaimSelectors[],
): Promise<{ figures: ScenarioFigures; check: WriteCheck }> {
  const { location } = subject;
  const load = loadSubject(subject);
  await runCreates(load, warmup(BENCH.warmup.creates), passages);
  await waitUntilQuiet(location);
  const rowsBefore = await countClaims(location, data.articleId);
  const run = await watchingStderr(subject, () => runCreates(load, measured(), passages));
  await waitUntilQuiet(location);
  return { figures: run.figures, check: await checkCreates(location, data.articleId, rowsBefore, run) };
}

export interface OpenLoopResult {
  figures: OpenLoopFigures & { stderrLinesDuringRun: number };
  check: { creates: WriteCheck; updates: WriteCheck };
}

/**
 * The open-loop mix, then the same writes check as the closed loop (over the whole run, ramp
 * included) and the feed check: every tab's copy of the claims, kept up to date by change-reads
 * only, must hold exactly the database's live claims at their versions.
 */
export async function measureOpenLoop(
  subject: Subject,
  data: BenchData,
  passages: ClaimSelectors[],
): Promise<OpenLoopResult> {
  const { location } = subject;
  await waitUntilQuiet(location);
  const tracked = await trackClaims(location, data.claimIds);
  const before = await statusSnapshot(location, data.claimIds);
  const rowsBefore = await countClaims(location, data.articleId);
  const run = await watchingStderr(subject, () =>
    runOpenLoop(loadSubject(subject), tracked, passages, () => waitUntilQuiet(location)),
  );
  await waitUntilQuiet(location);
  const creates = await checkCreates(location, data.articleId, rowsBefore, run.creates);
  const updates = await checkUpdates(location, before, tracked);
  const live = await liveVersions(location, data.articleId);
  let readersOutOfStep = 0;
  let claimsOutOfStep = 0;
  for (const copy of run.readers) {
    let wrong = 0;
    for (const [id, version] of live) if (copy.get(id) !== version) wrong++;
    for (const id of copy.keys()) if (!live.has(id)) wrong++;
    if (wrong) readersOutOfStep++;
    claimsOutOfStep += wrong;
  }
  if (readersOutOfStep)
    updates.problems.push(
      `${readersOutOfStep} of ${run.readers.length} tabs ended with a copy of the claims that differs from the database (${claimsOutOfStep} claims)`,
    );
  return {
    figures: { ...run.figures, feed: { ...run.figures.feed, readersOutOfStep, claimsOutOfStep } },
    check: { creates, updates },
  };
}
