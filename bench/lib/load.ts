import autocannon from "autocannon";
import type { ClaimSelectors } from "@/lib/anchoring";
import type { ClaimStatus } from "@/lib/claims/statuses";
import { BENCH } from "./config";
import { watchCpu, type CpuUse, type Watched } from "./cpu";

export interface Target {
  url: string;
  articleId: string;
  /** The session cookie for the app; nothing for the baselines. */
  headers: Record<string, string>;
  /** A cheap GET (no database) each connection sends first, to open all connections before the load starts. */
  openingPath: string;
  /** The server's process group, for CPU accounting. */
  serverGroupId: number;
}

/** What the load is sent to: one target per instance (connection i goes to instance i mod n), and whose CPU counts. */
export interface LoadSubject {
  targets: Target[];
  watched: Watched;
}

/** How hard and how long: either for a duration (measured), or a fixed number of requests (warm-up). */
export type Load = { connections: number } & ({ seconds: number } | { requests: number });

export interface LoadFigures {
  /** Responses received (any status) to the scenario's requests within the measured window. */
  responses: number;
  /** Length of the measured window. */
  seconds: number;
  /** How long opening all connections took before the scenario started (see `drive`). */
  openingSeconds: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  bytesPerResponse: number;
  ok: number;
  non2xx: number;
  /** Connection errors, timeouts included (autocannon's count, for the whole run). */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Share of all cores used by other processes on the machine during the window (null off Linux). */
  otherCpuShare: number | null;
  /** CPU seconds the server (all its instances) and PostgreSQL used during the window (null off Linux / on SQLite). */
  serverCpuSeconds: number | null;
  databaseCpuSeconds: number | null;
  /** Requests answered per CPU-second of the server and its database together (null off Linux). */
  requestsPerCpuSecond: number | null;
}

interface RequestSpec {
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * One autocannon connection's behaviour: `next` is called just before each request it sends and
 * `onResponse` with each answer. Connections never pipeline, so the answer is always to the last
 * request sent — which is what lets a connection track the versions of the claims it owns.
 */
interface ConnectionScript {
  next(): RequestSpec;
  onResponse(status: number, body: string, headers: Record<string, string | string[]>): void;
}

/** Seconds of load before the measured window: long enough for a full round of 50 reads to complete. */
const RAMP_SECONDS = 3;
/** A measured run that has not started its window by then has failed. */
const MAX_RUN_SECONDS = 120;

/**
 * Runs autocannon with one script per connection and measures the scenario's requests itself.
 *
 * A measured run first opens every connection: each sends `target.openingPath` (a cheap GET)
 * until all of them have had an answer. Then the scenario's requests start, and after
 * RAMP_SECONDS of them comes the window of `load.seconds` in which responses, latencies and CPU
 * are counted; the run stops when the window ends. Without the opening, the 50 connections would
 * open while the first ones already keep the server busy — and a busy Node server accepts new
 * connections about one per event-loop turn, so the last ones wait seconds for their first answer.
 * Without the ramp, the window would begin with every connection waiting for its first answer
 * at once. Both say more about the start of a benchmark than about the API.
 */
async function drive(
  subject: LoadSubject,
  load: Load,
  script: (connection: number) => ConnectionScript,
): Promise<LoadFigures> {
  const measured = "seconds" in load;
  const windowSeconds = "seconds" in load ? load.seconds : 0;
  const runStart = performance.now();
  let opened = 0;
  let loadStarted = !measured;
  let measuredWindow = measured ? { start: Infinity, end: Infinity } : { start: runStart, end: Infinity };
  let cpu: (() => CpuUse | null) | undefined;
  let used: CpuUse | null = null;
  const stops: Array<() => void> = [];
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;

  const startWindow = () => {
    measuredWindow = { start: performance.now(), end: Infinity };
    cpu = watchCpu(subject.watched);
    setTimeout(endWindow, windowSeconds * 1000);
  };
  const endWindow = () => {
    measuredWindow.end = performance.now();
    used = cpu?.() ?? null;
    for (const stop of stops) stop();
  };

  // One autocannon per instance, each with its share of the connections (connection i on instance i mod n).
  const instances = subject.targets.length;
  const runOn = (target: Target, index: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const connections = Math.floor(load.connections / instances) + (index < load.connections % instances ? 1 : 0);
      const share = "requests" in load ? Math.ceil((load.requests * connections) / load.connections) : 0;
      const instance = autocannon(
        {
          url: target.url,
          connections,
          ...(measured ? { duration: MAX_RUN_SECONDS } : { amount: share }),
          timeout: BENCH.timeoutSeconds,
          headers: { ...target.headers, "content-type": "application/json" },
          setupClient: (client) => {
            const own = script(index + instances * connectionOf[index]!++);
            let isOpen = !measured;
            let inScenario = false; // whether the request in flight is one of the scenario's
            client.on("response", (status: number, responseBytes: number, milliseconds: number) => {
              if (!inScenario) {
                if (!isOpen && ++opened === load.connections) {
                  loadStarted = true;
                  setTimeout(startWindow, RAMP_SECONDS * 1000);
                }
                isOpen = true;
                return;
              }
              const now = performance.now();
              if (now < measuredWindow.start || now > measuredWindow.end) return;
              latencies.push(milliseconds);
              statusCodes[status] = (statusCodes[status] ?? 0) + 1;
              bytes += responseBytes;
            });
            client.setRequests([
              {
                setupRequest: (request) => {
                  inScenario = loadStarted;
                  if (!inScenario) return { ...request, method: "GET", path: target.openingPath, body: undefined };
                  const spec = own.next();
                  return { ...request, ...spec, headers: { ...request.headers, ...spec.headers } };
                },
                onResponse: (status, body, _context, headers) => {
                  if (inScenario) own.onResponse(status, body, headers as Record<string, string | string[]>);
                },
              },
            ]);
          },
        },
        (error: unknown, done: autocannon.Result) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
      );
      stops.push(() => instance.stop());
    });
  const connectionOf = subject.targets.map(() => 0);
  const results = await Promise.all(subject.targets.map(runOn));
  const result = {
    errors: results.reduce((sum, one) => sum + one.errors, 0),
    timeouts: results.reduce((sum, one) => sum + one.timeouts, 0),
  };
  if (!measured) measuredWindow.end = performance.now();
  if (measuredWindow.end === Infinity)
    throw new Error(
      `The measured window against ${subject.targets.map((target) => target.url).join(", ")} never completed (connections opened: ${opened} of ${load.connections})`,
    );
  return figures(
    {
      latencies,
      statusCodes,
      bytes,
      seconds: (measuredWindow.end - measuredWindow.start) / 1000,
      openingSeconds: measured ? (measuredWindow.start - runStart) / 1000 - RAMP_SECONDS : 0,
      used,
    },
    result,
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const cpuSeconds = (used: CpuUse | null) => (used ? used.serverSeconds + (used.databaseSeconds ?? 0) : 0);

interface Counted {
  latencies: number[];
  statusCodes: Record<string, number>;
  bytes: number;
  seconds: number;
  openingSeconds: number;
  used: CpuUse | null;
}

function figures(
  { latencies, statusCodes, bytes, seconds, openingSeconds, used }: Counted,
  result: { errors: number; timeouts: number },
): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const responses = sorted.length;
  const ok = Object.entries(statusCodes).reduce((sum, [code, count]) => sum + (code.startsWith("2") ? count : 0), 0);
  return {
    responses,
    seconds,
    openingSeconds,
    requestsPerSecond: responses / seconds,
    latencyMs: {
      mean: round(responses ? sorted.reduce((sum, ms) => sum + ms, 0) / responses : 0),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
    bytesPerResponse: responses ? bytes / responses : 0,
    ok,
    non2xx: responses - ok,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    otherCpuShare: used?.otherShare ?? null,
    serverCpuSeconds: used?.serverSeconds ?? null,
    databaseCpuSeconds: used?.databaseSeconds ?? null,
    requestsPerCpuSecond: cpuSeconds(used) > 0 ? responses / cpuSeconds(used) : null,
  };
}

const annotationsPath = (subject: LoadSubject) => `/api/articles/${subject.targets[0]!.articleId}/annotations`;

/** Page loads: the article's whole list of claim summaries. */
export function runReads(subject: LoadSubject, load: Load): Promise<LoadFigures> {
  const path = annotationsPath(subject);
  return drive(subject, load, () => ({ next: () => ({ method: "GET", path }), onResponse: () => {} }));
}

/** Where a reader of the change feed is: the cursor and ETag of the last answer it took. */
export interface FeedPosition {
  cursor: string;
  etag: string | null;
}

export const headerOf = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Change-reads. With `follow`, each connection is a tab that loaded the page at `from` and
 * refreshes with `?since=<its cursor>` and `If-None-Match: <its ETag>`, taking the new cursor and
 * ETag from each 200; nothing else writes meanwhile, so after the first answers this is the 304
 * path. Without, every request asks for the changes after `from` with no ETag: a tab coming back
 * to an article others changed meanwhile (a 200 with those claims, every time).
 */
export function runChangeReads(
  subject: LoadSubject,
  load: Load,
  from: FeedPosition,
  follow: boolean,
): Promise<LoadFigures> {
  const path = annotationsPath(subject);
  return drive(subject, load, () => {
    const position = { ...from };
    return {
      next: () => ({
        method: "GET",
        path: `${path}?since=${encodeURIComponent(position.cursor)}`,
        headers: position.etag ? { "if-none-match": position.etag } : ({} as Record<string, string>),
      }),
      onResponse: (status, body, headers) => {
        if (status !== 200 || !follow) return;
        position.cursor = (JSON.parse(body) as { cursor: string }).cursor;
        position.etag = headerOf(headers, "etag") ?? null;
      },
    };
  });
}

export interface CreateRun {
  figures: LoadFigures;
  /** Ids of the claims the server acknowledged (201), over the whole run. */
  acknowledgedIds: string[];
  /** Creates answered with anything but 201, over the whole run. */
  rejected: number;
  /** Requests sent but never answered (in flight when the run stopped, or timed out): they may or may not have been written. */
  unanswered: number;
}

/** The body of a create of this passage, as the page sends it. */
export const createBody = ({ position, quote }: ClaimSelectors) =>
  JSON.stringify({
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    note: "Needs a second source.",
  });

/** Creates: each request marks the next passage from `passages` (valid selectors, cycling). */
export async function runCreates(subject: LoadSubject, load: Load, passages: ClaimSelectors[]): Promise<CreateRun> {
  const path = annotationsPath(subject);
  const bodies = passages.map(createBody);
  let nextPassage = 0;
  const acknowledgedIds: string[] = [];
  let sent = 0;
  let answered = 0;
  let rejected = 0;
  const figures = await drive(subject, load, () => ({
    next: () => {
      sent++;
      return { method: "POST", path, body: bodies[nextPassage++ % bodies.length] };
    },
    onResponse: (status, body) => {
      answered++;
      if (status === 201) acknowledgedIds.push((JSON.parse(body) as { id: string }).id);
      else rejected++;
    },
  }));
  return { figures, acknowledgedIds, rejected, unanswered: sent - answered };
}

/** What a client knows about one claim, from the last answer it got about it. */
export interface TrackedClaim {
  id: string;
  version: number;
  status: string;
  acknowledgedUpdates: number;
  /** PATCHes answered with anything but 200 (a 409 included). */
  rejectedUpdates: number;
  /** PATCHes sent with no answer (run stopped or timed out): each may or may not have been applied. */
  unanswered: number;
}

/**
 * Status updates. Each connection owns its own claims (claim i goes to connection i mod N), so
 * no two clients ever write the same claim: with correct version tracking there is no 409. Every
 * PATCH flips the status between UNVERIFIED and UNPROVEN (no source needed) with the version the
 * client last saw, and takes the new version from the answer.
 */
export async function runUpdates(subject: LoadSubject, load: Load, claims: TrackedClaim[]): Promise<LoadFigures> {
  const inFlight: Array<() => TrackedClaim | undefined> = [];
  const figures = await drive(subject, load, (connection) => {
    const own = claims.filter((_, i) => i % load.connections === connection);
    if (own.length === 0) throw new Error(`Fewer claims (${claims.length}) than connections (${load.connections})`);
    let turn = 0;
    let pending: TrackedClaim | undefined;
    inFlight.push(() => pending);
    return {
      next: () => {
        if (pending) pending.unanswered++; // the previous request timed out unanswered
        const claim = own[turn++ % own.length]!;
        pending = claim;
        const status: ClaimStatus = claim.status === "UNPROVEN" ? "UNVERIFIED" : "UNPROVEN";
        return {
          method: "PATCH",
          path: `/api/annotations/${claim.id}`,
          body: JSON.stringify({ version: claim.version, status }),
        };
      },
      onResponse: (status, body) => {
        const claim = pending;
        pending = undefined;
        if (!claim) return;
        if (status !== 200) {
          claim.rejectedUpdates++;
          return;
        }
        const view = JSON.parse(body) as { version: number; status: string };
        claim.version = view.version;
        claim.status = view.status;
        claim.acknowledgedUpdates++;
      },
    };
  });
  // Requests still in flight when the run stopped.
  for (const pendingClaim of inFlight) {
    const claim = pendingClaim();
    if (claim) claim.unanswered++;
  }
  return figures;
}
