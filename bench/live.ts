/**
 * `npm run bench:live` (issue 11, decision 0018): live updates of the production build.
 *
 * 1. Delay: 200 event streams open on one article while 20 writers change their claims (PATCH,
 *    one after another each, 10 writes per writer): for every write and every stream, the time
 *    from the write's 2xx to its `change` event arriving on that stream (p50, p99, max), and a
 *    check that every stream got every write's event exactly once. On SQLite (one instance) and
 *    on PostgreSQL with two instances on one database (streams and writers split between them:
 *    half the events cross instances through NOTIFY).
 * 2. Capacity: 500 streams on one instance (SQLite): that each is served (its `ready` arrives and
 *    a write then reaches all of them), and the server's memory before and after opening them.
 * 3. A raw reference in the same run: a plain node:http server fanning one event out to 200
 *    streams for each POST (no database, no session): the floor of the delay on this machine.
 *
 * Builds into .next-bench when stale (as bench:annotations), ports 3240–3242 (BENCH_LIVE_PORT),
 * its own PostgreSQL cluster on 5609 (BENCH_LIVE_POSTGRES_PORT). Writes bench/results/live.json.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { prepareDatabase } from "@/scripts/lib/prepare-db";
import { createArticle, createUser, type TestUser } from "@/test/factories";
import { signIn } from "./lib/auth";
import { ensureBenchBuild } from "./lib/build";
import { startCluster, type Cluster } from "./lib/postgres";
import { killAllServers, startServer, type RunningServer } from "./lib/server-process";

const STREAMS = Number(process.env.BENCH_LIVE_STREAMS) || 200;
const WRITERS = Number(process.env.BENCH_LIVE_WRITERS) || 20;
const WRITES_PER_WRITER = Number(process.env.BENCH_LIVE_WRITES) || 10;
const CAPACITY = Number(process.env.BENCH_LIVE_CAPACITY) || 500;
const PORT = Number(process.env.BENCH_LIVE_PORT) || 3240;
const PG_PORT = Number(process.env.BENCH_LIVE_POSTGRES_PORT) || 5609;
const STREAMS_PER_USER = 10; // under the per-user cap (LIVE_LIMITS.perUser)
const RESULTS = path.join(process.cwd(), "bench", "results", "live.json");
const SENTENCE = "The city council approved a budget of 4.2 million euros on Tuesday, after a debate of six hours.";

interface Figures {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  beforeAck: number;
}

function quantiles(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return {
    p50: at(0.5),
    p99: at(0.99),
    max: round(sorted.at(-1) ?? NaN),
    samples: sorted.length,
    beforeAck: values.filter((v) => v <= 0).length,
  };
}
const round = (ms: number) => Math.round(ms * 10) / 10;

/** One open event stream: the arrival time of each `change` event, by claim id and feed step. */
interface Stream {
  arrivals: Map<string, number[]>;
  ready: Promise<void>;
  close(): void;
}

function openStream(url: string, cookie: string): Stream {
  const abort = new AbortController();
  const arrivals = new Map<string, number[]>();
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}: ${await response.text()}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes("event: ready")) markReady();
        if (!block.includes("event: change")) continue;
        const data = JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { claimId: string };
        const list = arrivals.get(data.claimId) ?? [];
        list.push(now);
        arrivals.set(data.claimId, list);
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) console.error(error);
  });
  return { arrivals, ready, close: () => abort.abort() };
}

interface Desk {
  articleId: string;
  readers: TestUser[];
  writers: TestUser[];
}

async function seedDesk(url: string, readerCount: number): Promise<Desk> {
  await prepareDatabase(url);
  const db = createPrismaClient(url);
  const readers: TestUser[] = [];
  const writers: TestUser[] = [];
  for (let i = 0; i < readerCount; i++) readers.push(await createUser(db, { withPassword: true }));
  for (let i = 0; i < WRITERS; i++) writers.push(await createUser(db, { withPassword: true }));
  const article = await createArticle(db, writers[0]!.id, { paragraphs: [SENTENCE] });
  await db.$disconnect();
  return { articleId: article.id, readers, writers };
}

async function startApps(url: string, ports: number[], name: string): Promise<RunningServer[]> {
  const secret = crypto.randomBytes(32).toString("base64url");
  const servers: RunningServer[] = [];
  for (const [i, port] of ports.entries()) {
    servers.push(
      await startServer({
        name: `${name} #${i + 1}`,
        port,
        logFile: path.join("data", `bench-live-${name}-${i + 1}.log`),
        command: path.join("node_modules", ".bin", "next"),
        args: ["start", "-p", String(port), "-H", "127.0.0.1"],
        env: {
          DATABASE_URL: url,
          NODE_ENV: "production",
          FACTLINE_DIST_DIR: ".next-bench",
          NEXTAUTH_SECRET: secret,
          NEXTAUTH_URL: `http://localhost:${port}`,
        },
        readyPath: "/api/auth/csrf",
      }),
    );
  }
  return servers;
}

/** Resident memory of a process group (the server and anything it forked), in MB. */
function groupRssMb(groupId: number): number {
  let kb = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens `count` streams, STREAMS_PER_USER per reader, spread over the servers. */
async function openStreams(servers: RunningServer[], desk: Desk, cookies: string[], count: number): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < count; i++) {
    const server = servers[i % servers.length]!;
    const cookie = cookies[Math.floor(i / STREAMS_PER_USER)]!;
    streams.push(openStream(`${server.url}/api/articles/${desk.articleId}/events`, cookie));
  }
  await Promise.all(streams.map((stream) => stream.ready));
  return streams;
}

/** 20 writers, each changing its own claim WRITES_PER_WRITER times; the ack times by claim. */
async function writeLoad(
  servers: RunningServer[],
  desk: Desk,
  writerCookies: string[],
): Promise<{ acks: Map<string, number[]>; sent: Map<string, number[]> }> {
  const claims = await Promise.all(
    desk.writers.map(async (_, i) => {
      const server = servers[i % servers.length]!;
      const response = await fetch(`${server.url}/api/articles/${desk.articleId}/annotations`, {
        method: "POST",
        headers: { cookie: writerCookies[i]!, "content-type": "application/json" },
        body: JSON.stringify({
          position: { start: 0, end: 8 },
          quote: { exact: SENTENCE.slice(0, 8), prefix: "", suffix: SENTENCE.slice(8, 40) },
        }),
      });
      if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    }),
  );
  await sleep(1_000); // the creates' events arrive; they are not measured
  const acks = new Map<string, number[]>(claims.map((id) => [id, []]));
  const sent = new Map<string, number[]>(claims.map((id) => [id, []]));
  await Promise.all(
    claims.map(async (id, i) => {
      const server = servers[(i + 1) % servers.length]!; // on two instances, writes land on the other one
      for (let version = 1; version <= WRITES_PER_WRITER; version++) {
        sent.get(id)!.push(performance.now());
        const response = await fetch(`${server.url}/api/annotations/${id}`, {
          method: "PATCH",
          headers: { cookie: writerCookies[i]!, "content-type": "application/json" },
          body: JSON.stringify({ version, note: `Checked ${version}` }),
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`PATCH answered ${response.status}`);
        acks.get(id)!.push(performance.now());
        await sleep(50 + Math.random() * 100);
      }
    }),
  );
  await sleep(2_000); // the last events arrive
  return { acks, sent };
}

/** Delay of every (write, stream) pair; fails when a stream missed or repeated a write's event. */
function delays(streams: Stream[], acks: Map<string, number[]>): { figures: Figures; missing: number; extra: number } {
  const values: number[] = [];
  let missing = 0;
  let extra = 0;
  for (const stream of streams) {
    for (const [claimId, times] of acks) {
      // The first arrival per claim is its create's event (version 1); then one per write.
      const arrived = (stream.arrivals.get(claimId) ?? []).slice(1);
      missing += Math.max(0, times.length - arrived.length);
      extra += Math.max(0, arrived.length - times.length);
      times.forEach((ack, k) => {
        if (arrived[k] !== undefined) values.push(arrived[k]! - ack);
      });
    }
  }
  return { figures: quantiles(values.map((v) => Math.max(0, v))), missing, extra };
}

async function measureDesk(name: string, url: string, ports: number[]) {
  const readerCount = Math.max(Math.ceil(Math.max(STREAMS, name === "sqlite" ? CAPACITY : 0) / STREAMS_PER_USER), 1);
  console.log(`[${name}] seeding ${readerCount} readers and ${WRITERS} writers...`);
  const desk = await seedDesk(url, readerCount);
  const servers = await startApps(url, ports, name);
  try {
    const cookies = [];
    for (const user of desk.readers) cookies.push(await signIn(servers[0]!.url, user));
    const writerCookies = [];
    for (const user of desk.writers) writerCookies.push(await signIn(servers[0]!.url, user));

    const rssBefore = servers.map((server) => groupRssMb(server.pid));
    console.log(`[${name}] ${STREAMS} streams, ${WRITERS} writers × ${WRITES_PER_WRITER} writes...`);
    const streams = await openStreams(servers, desk, cookies, STREAMS);
    const { acks, sent } = await writeLoad(servers, desk, writerCookies);
    const result = delays(streams, acks);
    const fromSent = delays(streams, sent).figures;
    for (const stream of streams) stream.close();
    console.log(
      `[${name}] delay after 2xx ms`,
      result.figures,
      `missing ${result.missing}, duplicated ${result.extra}`,
    );
    console.log(`[${name}] delay after the request was sent ms`, fromSent);

    let capacity: Record<string, unknown> | undefined;
    if (name === "sqlite") {
      await sleep(1_000);
      const before = groupRssMb(servers[0]!.pid);
      console.log(`[${name}] capacity: ${CAPACITY} streams on one instance...`);
      const many = await openStreams(servers, desk, cookies, CAPACITY);
      await sleep(2_000);
      const after = groupRssMb(servers[0]!.pid);
      const check = await writeLoadOnce(servers[0]!, desk, writerCookies[0]!);
      await sleep(2_000);
      const reached = many.filter((stream) => (stream.arrivals.get(check)?.length ?? 0) >= 1).length;
      for (const stream of many) stream.close();
      capacity = {
        streams: CAPACITY,
        allReady: true,
        reachedByAWrite: reached,
        rssMbBefore: before,
        rssMbAfter: after,
        extraMb: after - before,
      };
      console.log(`[${name}] capacity`, capacity);
    }
    return {
      afterAck: result.figures,
      afterSent: fromSent,
      missing: result.missing,
      duplicated: result.extra,
      rssMbBefore: rssBefore,
      capacity,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** One more claim, to see that a change reaches every open stream. */
async function writeLoadOnce(server: RunningServer, desk: Desk, cookie: string): Promise<string> {
  const response = await fetch(`${server.url}/api/articles/${desk.articleId}/annotations`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({
      position: { start: 9, end: 20 },
      quote: { exact: SENTENCE.slice(9, 20), prefix: SENTENCE.slice(0, 9), suffix: "" },
    }),
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** The floor: node:http fanning one event out to every stream for each POST, in another process. */
async function rawReference(): Promise<{ afterAck: Figures; afterSent: Figures }> {
  const port = PORT + 9;
  const script = path.join("bench", "lib", "live-raw-server.ts");
  const server = await startServer({
    name: "raw SSE",
    port,
    logFile: path.join("data", "bench-live-raw.log"),
    command: path.join("node_modules", ".bin", "tsx"),
    args: [script],
    env: {},
    readyPath: "/health",
  });
  try {
    const streams = Array.from({ length: STREAMS }, () => openStream(`${server.url}/events`, ""));
    await Promise.all(streams.map((stream) => stream.ready));
    const acks = new Map<string, number[]>();
    const sent = new Map<string, number[]>();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const id = `w${w}`;
        acks.set(id, []);
        sent.set(id, []);
        // The first event per id is not measured (as the app's creates).
        for (let k = 0; k <= WRITES_PER_WRITER; k++) {
          if (k > 0) sent.get(id)!.push(performance.now());
          const response = await fetch(`${server.url}/write?claimId=${id}`, { method: "POST" });
          await response.arrayBuffer();
          if (k > 0) acks.get(id)!.push(performance.now());
          await sleep(50 + Math.random() * 100);
        }
      }),
    );
    await sleep(1_000);
    const result = delays(streams, acks);
    const fromSent = delays(streams, sent).figures;
    for (const stream of streams) stream.close();
    console.log("[raw] delay after 2xx ms", result.figures, "after sent", fromSent);
    return { afterAck: result.figures, afterSent: fromSent };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  process.on("SIGINT", () => (killAllServers(), process.exit(130)));
  ensureBenchBuild();
  fs.mkdirSync("data", { recursive: true });
  const databases = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",");
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
    load: { streams: STREAMS, writers: WRITERS, writesPerWriter: WRITES_PER_WRITER },
  };
  results.raw = await rawReference();
  if (databases.includes("sqlite")) {
    const file = path.resolve("data", "bench-live.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
    results.sqlite = await measureDesk("sqlite", `file:${file}`, [PORT]);
  }
  if (databases.includes("postgresql")) {
    let cluster: Cluster | undefined;
    try {
      cluster = await startCluster(PG_PORT);
      await cluster.createDatabase("factline_live");
      results.postgresql = await measureDesk("postgresql", cluster.urlOf("factline_live"), [PORT + 1, PORT + 2]);
    } finally {
      cluster?.stop();
    }
  }
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Written to ${RESULTS}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  killAllServers();
  process.exit(1);
});
