/**
 * The open-loop latency scenario: requests sent on a fixed schedule (BENCH.openLoop.rate per
 * second) whatever the server answers, so a slow answer delays no later request and every
 * latency is measured from the time the request was *due* — no coordinated omission: when the
 * server falls behind, the queue it builds shows in the figures instead of slowing the load.
 *
 * The mix: change-reads (`?since=` with If-None-Match) by simulated tabs that each keep their own
 * cursor, ETag and copy of the claims like a browser tab; status updates by editors who each own
 * their claims; creates. Clients are spread over the instances, each sticking to one. node:http
 * with one keep-alive agent per instance and no socket limit: a request due is sent at once on a
 * free connection or a new one, so the generator never queues requests itself (the send lag it
 * reports says how late it was).
 */
import http from "node:http";
import type { ClaimSelectors } from "@/lib/anchoring";
import { BENCH } from "./config";
import { watchCpu, type CpuUse, type Watched } from "./cpu";
import { createBody, headerOf, type Target, type TrackedClaim } from "./load";

export const OPEN_KINDS = ["changeReads", "updates", "creates"] as const;
export type OpenKind = (typeof OPEN_KINDS)[number];

export interface LatencyFigures {
  /** Requests due within the measured window. */
  requests: number;
  /** 2xx, and 304 for change-reads. */
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** The errors by message ("timed out", "socket hang up", …). */
  errorMessages: Record<string, number>;
  statusCodes: Record<string, number>;
  /** From the time each request was due to the last byte of its answer. */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
}

export interface OpenLoopFigures {
  rate: number;
  seconds: number;
  overall: LatencyFigures;
  kinds: Record<OpenKind, LatencyFigures>;
  /** Answers to the window's requests per second of the window. */
  achievedRate: number;
  /** How late the generator sent requests compared with their schedule (its own lag, not the server's). */
  sendLagMs: { p99: number; max: number };
  /** Most requests in flight at once (the connections the agents needed). */
  peakInFlight: number;
  /** Change-reads answered 304, and claims the 200s carried on average. */
  changeReads: { notModified: number; changed: number; claimsPerChange: number; bytesPerChange: number };
  /** Every reader's copy of the claims after a last change-read, compared with the database. */
  feed: { readers: number; supported: boolean; readersOutOfStep: number; claimsOutOfStep: number };
  /** Updates that found every claim of their editor with a request in flight: not sent. */
  skippedUpdates: number;
  otherCpuShare: number | null;
  serverCpuSeconds: number | null;
  databaseCpuSeconds: number | null;
}

export interface OpenLoopRun {
  figures: OpenLoopFigures;
  /** For the writes check, over the whole run (ramp included). */
  creates: { acknowledgedIds: string[]; rejected: number; unanswered: number };
  /** The readers' copies: id → version (checked by the caller against the database). */
  readers: Array<Map<string, number>>;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(
  agent: http.Agent,
  target: Target,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = BENCH.openLoop.timeoutSeconds * 1000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${target.url}${path}`,
      {
        method,
        agent,
        timeout: timeoutMs,
        headers: {
          ...target.headers,
          ...headers,
          ...(body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

/** Spreads the kinds evenly over the schedule in their shares (smooth weighted round-robin). */
export function kindSchedule(mix: Record<OpenKind, number>, slots: number): OpenKind[] {
  const credit = Object.fromEntries(OPEN_KINDS.map((kind) => [kind, 0])) as Record<OpenKind, number>;
  const total = OPEN_KINDS.reduce((sum, kind) => sum + mix[kind], 0);
  const schedule: OpenKind[] = [];
  for (let slot = 0; slot < slots; slot++) {
    let best: OpenKind = OPEN_KINDS[0];
    for (const kind of OPEN_KINDS) {
      credit[kind] += mix[kind];
      if (credit[kind] > credit[best]) best = kind;
    }
    credit[best] -= total;
    schedule.push(best);
  }
  return schedule;
}

interface Reader {
  target: number;
  cursor: string | null;
  etag: string | null;
  versions: Map<string, number>;
}

interface Summary {
  id: string;
  version: number;
}
interface FeedBody {
  claims: Summary[];
  deleted?: string[];
  cursor?: string;
}

/** Cursors are opaque to the page, but here they are the article's claimSeq: keep the newest when answers overlap. */
const newer = (candidate: string, current: string | null) =>
  current === null || Number(candidate) > Number(current) || Number.isNaN(Number(candidate));

function take(reader: Reader, answer: Answer, full: boolean): { claims: number } {
  const body = JSON.parse(answer.body) as FeedBody;
  if (full) reader.versions = new Map();
  for (const claim of body.claims)
    if ((reader.versions.get(claim.id) ?? 0) < claim.version) reader.versions.set(claim.id, claim.version);
  for (const id of body.deleted ?? []) reader.versions.delete(id);
  if (body.cursor !== undefined && newer(body.cursor, reader.cursor)) {
    reader.cursor = body.cursor;
    reader.etag = headerOf(answer.headers, "etag") ?? null;
  }
  return { claims: body.claims.length };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (ms: number) => Math.round(ms * 10) / 10;

class Tally {
  latencies: number[] = [];
  statusCodes: Record<string, number> = {};
  errors = 0;
  errorMessages: Record<string, number> = {};
  requests = 0;

  figures(okStatus: (status: number) => boolean): LatencyFigures {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const ok = Object.entries(this.statusCodes).reduce((sum, [code, n]) => sum + (okStatus(Number(code)) ? n : 0), 0);
    return {
      requests: this.requests,
      ok,
      non2xx: sorted.length - ok,
      errors: this.errors,
      errorMessages: this.errorMessages,
      statusCodes: this.statusCodes,
      latencyMs: {
        mean: round(sorted.length ? sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length : 0),
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted.at(-1) ?? 0),
      },
    };
  }
}

const isOk = (kind: OpenKind) => (status: number) =>
  (status >= 200 && status < 300) || (kind === "changeReads" && status === 304);

/**
 * Runs the schedule against the instances: `rampSeconds` not counted, then `seconds` measured,
 * then waits for every answer still due. `claims` are the claims the updates may change (split
 * among the editors); `passages` what the creates mark.
 */
export async function runOpenLoop(
  subject: { targets: Target[]; watched: Watched },
  claims: TrackedClaim[],
  passages: ClaimSelectors[],
  /** Resolves once the server has finished the writes still under way (those whose clients gave up included). */
  quiet: () => Promise<void>,
  options: { rate: number; seconds: number; rampSeconds: number } = BENCH.openLoop,
): Promise<OpenLoopRun> {
  const { targets } = subject;
  // Idle connections are closed after 4 s, before the server's keep-alive timeout (5 s for
  // `next start`) closes them: a request sent on a connection the server is closing fails with
  // ECONNRESET, which would count against the server.
  const agents = targets.map(
    () => new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024, timeout: 4_000 }),
  );
  /**
   * The page loads and last change-reads, off the schedule and not measured: retried once when the
   * connection was reset, as a browser does, and given time (a server that fell behind goes on
   * working through requests whose clients gave up).
   */
  const sendOff = async (reader: Reader, path: string, headers: Record<string, string>) => {
    const attempt = () =>
      send(agents[reader.target]!, targets[reader.target]!, "GET", path, headers, undefined, 120_000);
    try {
      return await attempt();
    } catch {
      return attempt();
    }
  };
  const articlePath = `/api/articles/${targets[0]!.articleId}/annotations`;
  const { readers: readerCount, updaters, creators, mix } = BENCH.openLoop;

  // Every tab loads the page first (not measured), like a browser opening the article.
  const readers: Reader[] = [];
  for (let r = 0; r < readerCount; r++) {
    const reader: Reader = { target: r % targets.length, cursor: null, etag: null, versions: new Map() };
    const answer = await sendOff(reader, articlePath, {});
    if (answer.status !== 200)
      throw new Error(`Loading the claims answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    take(reader, answer, true);
    readers.push(reader);
  }
  const supported = readers.every((reader) => reader.cursor !== null);

  const owned = Array.from({ length: updaters }, (_, u) => claims.filter((_, i) => i % updaters === u));
  const pendingClaims = new Set<TrackedClaim>();
  const turns = owned.map(() => 0);
  const bodies = passages.map(createBody);
  const creates = { acknowledgedIds: [] as string[], rejected: 0, unanswered: 0 };

  const interval = 1000 / options.rate;
  const rampSlots = Math.round(options.rampSeconds * options.rate);
  const slots = rampSlots + Math.round(options.seconds * options.rate);
  const schedule = kindSchedule(mix, slots);
  const tallies = Object.fromEntries(OPEN_KINDS.map((kind) => [kind, new Tally()])) as Record<OpenKind, Tally>;
  const lags: number[] = [];
  const perKindTurn = Object.fromEntries(OPEN_KINDS.map((kind) => [kind, 0])) as Record<OpenKind, number>;
  let inFlight = 0;
  let peakInFlight = 0;
  let skippedUpdates = 0;
  const changeReads = { notModified: 0, changed: 0, claims: 0, bytes: 0 };
  const outstanding = new Set<Promise<void>>();

  const fire = (slot: number, dueAt: number) => {
    const kind = schedule[slot]!;
    const turn = perKindTurn[kind]++;
    const measured = slot >= rampSlots;
    const tally = tallies[kind];
    if (measured) tally.requests++;
    let work: () => Promise<void>;
    const finish = (status: number | null, error?: unknown) => {
      if (!measured) return;
      if (status === null) {
        tally.errors++;
        const message = error instanceof Error ? error.message : String(error);
        tally.errorMessages[message] = (tally.errorMessages[message] ?? 0) + 1;
      } else {
        tally.latencies.push(performance.now() - dueAt);
        tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1;
      }
    };

    if (kind === "changeReads") {
      const reader = readers[turn % readers.length]!;
      const since = reader.cursor;
      const path = since === null ? articlePath : `${articlePath}?since=${encodeURIComponent(since)}`;
      work = () =>
        send(
          agents[reader.target]!,
          targets[reader.target]!,
          "GET",
          path,
          reader.etag ? { "if-none-match": reader.etag } : {},
        ).then(
          (answer) => {
            finish(answer.status);
            if (answer.status === 200) {
              const { claims: received } = take(reader, answer, since === null);
              if (measured) {
                changeReads.changed++;
                changeReads.claims += received;
                changeReads.bytes += Buffer.byteLength(answer.body);
              }
            } else if (answer.status === 304 && measured) changeReads.notModified++;
          },
          (error: unknown) => finish(null, error),
        );
    } else if (kind === "updates") {
      const editor = turn % updaters;
      const mine = owned[editor]!;
      let claim: TrackedClaim | undefined;
      for (let tries = 0; tries < mine.length && !claim; tries++) {
        const candidate = mine[turns[editor]! % mine.length]!;
        turns[editor] = turns[editor]! + 1;
        if (!pendingClaims.has(candidate)) claim = candidate;
      }
      if (!claim) {
        skippedUpdates++;
        if (measured) tally.requests--;
        return;
      }
      const target = editor % targets.length;
      const status = claim.status === "UNPROVEN" ? "UNVERIFIED" : "UNPROVEN";
      const body = JSON.stringify({ version: claim.version, status });
      pendingClaims.add(claim);
      const tracked = claim;
      work = () =>
        send(agents[target]!, targets[target]!, "PATCH", `/api/annotations/${tracked.id}`, {}, body).then(
          (answer) => {
            pendingClaims.delete(tracked);
            finish(answer.status);
            if (answer.status !== 200) {
              tracked.rejectedUpdates++;
              return;
            }
            const view = JSON.parse(answer.body) as { version: number; status: string };
            tracked.version = view.version;
            tracked.status = view.status;
            tracked.acknowledgedUpdates++;
          },
          (error: unknown) => {
            pendingClaims.delete(tracked);
            tracked.unanswered++;
            finish(null, error);
          },
        );
    } else {
      const target = (turn % creators) % targets.length;
      const body = bodies[turn % bodies.length]!;
      work = () =>
        send(agents[target]!, targets[target]!, "POST", articlePath, {}, body).then(
          (answer) => {
            finish(answer.status);
            if (answer.status === 201) creates.acknowledgedIds.push((JSON.parse(answer.body) as { id: string }).id);
            else creates.rejected++;
          },
          (error: unknown) => {
            creates.unanswered++;
            finish(null, error);
          },
        );
    }
    if (measured) lags.push(performance.now() - dueAt);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const done = work().finally(() => {
      inFlight--;
      outstanding.delete(done);
    });
    outstanding.add(done);
  };

  let cpu: (() => CpuUse | null) | undefined;
  let used: CpuUse | null = null;
  const start = performance.now() + 20;
  await new Promise<void>((resolve) => {
    let slot = 0;
    const tick = () => {
      const now = performance.now();
      while (slot < slots && start + slot * interval <= now) {
        if (slot === rampSlots) cpu = watchCpu(subject.watched);
        fire(slot, start + slot * interval);
        slot++;
      }
      if (slot < slots) setTimeout(tick, Math.max(0, start + slot * interval - performance.now()));
      else {
        // The window ends when its last request is due (answers still coming in are waited for below).
        setTimeout(() => {
          used = cpu?.() ?? null;
          resolve();
        }, interval);
      }
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  while (outstanding.size) await Promise.allSettled([...outstanding]);

  // A last change-read per tab: its copy must now equal the database (checked by the caller). A
  // server that fell behind may still be applying writes whose requests timed out: wait for them.
  await quiet();
  for (const reader of readers) {
    const path = reader.cursor === null ? articlePath : `${articlePath}?since=${encodeURIComponent(reader.cursor)}`;
    const answer = await sendOff(reader, path, reader.etag ? { "if-none-match": reader.etag } : {});
    if (answer.status === 200) take(reader, answer, reader.cursor === null);
    else if (answer.status !== 304)
      throw new Error(`The last change-read answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
  for (const agent of agents) agent.destroy();

  const overall = new Tally();
  for (const kind of OPEN_KINDS) {
    const tally = tallies[kind];
    overall.requests += tally.requests;
    overall.errors += tally.errors;
    for (const [message, n] of Object.entries(tally.errorMessages))
      overall.errorMessages[message] = (overall.errorMessages[message] ?? 0) + n;
    overall.latencies.push(...tally.latencies);
    for (const [code, n] of Object.entries(tally.statusCodes))
      overall.statusCodes[code] = (overall.statusCodes[code] ?? 0) + n;
  }
  const sortedLags = lags.sort((a, b) => a - b);
  const finalUsed = used as CpuUse | null;
  const figures: OpenLoopFigures = {
    rate: options.rate,
    seconds: options.seconds,
    overall: overall.figures((status) => (status >= 200 && status < 300) || status === 304),
    kinds: Object.fromEntries(OPEN_KINDS.map((kind) => [kind, tallies[kind].figures(isOk(kind))])) as Record<
      OpenKind,
      LatencyFigures
    >,
    achievedRate: overall.latencies.length / options.seconds,
    sendLagMs: { p99: round(percentile(sortedLags, 99)), max: round(sortedLags.at(-1) ?? 0) },
    peakInFlight,
    changeReads: {
      notModified: changeReads.notModified,
      changed: changeReads.changed,
      claimsPerChange: changeReads.changed ? changeReads.claims / changeReads.changed : 0,
      bytesPerChange: changeReads.changed ? changeReads.bytes / changeReads.changed : 0,
    },
    feed: { readers: readers.length, supported, readersOutOfStep: 0, claimsOutOfStep: 0 },
    skippedUpdates,
    otherCpuShare: finalUsed?.otherShare ?? null,
    serverCpuSeconds: finalUsed?.serverSeconds ?? null,
    databaseCpuSeconds: finalUsed?.databaseSeconds ?? null,
  };
  return { figures, creates, readers: readers.map((reader) => reader.versions) };
}
