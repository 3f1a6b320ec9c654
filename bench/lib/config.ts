import path from "node:path";

const seconds = (name: string, fallback: number) => Number(process.env[name]) || fallback;

/** Which databases to run on: BENCH_DATABASES=sqlite,postgresql (both by default). */
function databases(): Database[] {
  const asked = (process.env.BENCH_DATABASES ?? "sqlite,postgresql")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of asked)
    if (name !== "sqlite" && name !== "postgresql")
      throw new Error(`BENCH_DATABASES lists "${name}": use sqlite, postgresql or both (comma-separated)`);
  return asked as Database[];
}

/** Everything the annotations benchmark is parameterised by, in one place. */
export const BENCH = {
  /** The production build lives here, never in `.next` (others build and serve that one). */
  distDir: ".next-bench",
  connections: 50,
  /**
   * Seconds of the measured window per closed-loop scenario and server (BENCH_DURATION_SECONDS
   * overrides it for a quick trial run). Each run also spends up to 1 s opening connections and 3 s
   * of ramp first.
   */
  durationSeconds: seconds("BENCH_DURATION_SECONDS", 8),
  /** The open-loop latency scenario: a fixed schedule of requests, whatever the answers. */
  openLoop: {
    /** Requests per second, sent on schedule (BENCH_OPEN_RATE). */
    rate: seconds("BENCH_OPEN_RATE", 100),
    /** Seconds of the measured schedule (BENCH_OPEN_SECONDS), after `rampSeconds` not counted. */
    seconds: seconds("BENCH_OPEN_SECONDS", 30),
    rampSeconds: 3,
    /** An answer later than this counts as an error (the request timed out): far beyond any target, and it bounds the run. */
    timeoutSeconds: 10,
    /** Shares of the schedule, in this order of precedence when the slots are spread. */
    mix: { changeReads: 0.7, updates: 0.2, creates: 0.1 },
    /** Simulated browser tabs polling the change feed, each with its own cursor and ETag. */
    readers: 35,
    /** Simulated editors rating claims (each owns its own claims) and marking new ones. */
    updaters: 10,
    creators: 5,
  },
  claims: 1_000,
  /** The `changeSets` scenario asks for the claims changed in the article's last this many writes. */
  changeSetSize: 10,
  /** The article is the sample article's sentences, varied, until it is about this long. */
  articleChars: 20_000,
  /** Requests per scenario, on fewer connections, before measuring (JIT, lazy route modules, caches). */
  warmup: { connections: 10, reads: 20, changeReads: 100, updates: 100, creates: 100 },
  /** autocannon's per-request timeout, in seconds: a request slower than this counts as an error. */
  timeoutSeconds: 30,
  databases: databases(),
  /** The private PostgreSQL cluster the bench starts (and stops) for itself. */
  postgresPort: Number(process.env.BENCH_POSTGRES_PORT) || 5560,
} as const;

export type Database = "sqlite" | "postgresql";
export type ServerKind = "app" | "ceiling" | "raw";

export interface ServerSpec {
  /** Unique in a run: "app-sqlite", "app2-postgresql", … */
  id: string;
  kind: ServerKind;
  database: Database;
  label: string;
  /** One port per instance; the app on PostgreSQL runs with one and with two instances. */
  ports: number[];
  /** The SQLite file, or the PostgreSQL database's name in the bench's cluster. */
  databaseName: string;
  /** Whether the open-loop latency scenario runs on it too (the closed-loop ones run on all). */
  openLoop: boolean;
}

const dataFile = (name: string) => path.join(process.cwd(), "data", name);

/** Ports 3400–3419 are the bench's (see bench/README.md). */
const ALL_SERVERS: readonly ServerSpec[] = [
  {
    id: "app-sqlite",
    kind: "app",
    database: "sqlite",
    label: "Factline (next start), SQLite",
    ports: [3400],
    databaseName: dataFile("bench-annotations.db"),
    openLoop: true,
  },
  {
    id: "ceiling-sqlite",
    kind: "ceiling",
    database: "sqlite",
    label: "node:http + lib/server/claims.ts (Prisma), SQLite",
    ports: [3401],
    databaseName: dataFile("bench-annotations-ceiling.db"),
    openLoop: false,
  },
  {
    id: "raw-sqlite",
    kind: "raw",
    database: "sqlite",
    label: "node:http + better-sqlite3 (reference)",
    ports: [3402],
    databaseName: dataFile("bench-annotations-raw.db"),
    openLoop: true,
  },
  {
    id: "app-postgresql",
    kind: "app",
    database: "postgresql",
    label: "Factline (next start), PostgreSQL, 1 instance",
    ports: [3403],
    databaseName: "bench_app",
    openLoop: true,
  },
  {
    id: "app2-postgresql",
    kind: "app",
    database: "postgresql",
    label: "Factline (2 × next start), PostgreSQL",
    ports: [3404, 3405],
    databaseName: "bench_app2",
    openLoop: true,
  },
  {
    id: "raw-postgresql",
    kind: "raw",
    database: "postgresql",
    label: "node:http + pg (reference)",
    ports: [3406],
    databaseName: "bench_raw",
    openLoop: true,
  },
];

/** BENCH_SERVERS=raw-sqlite,app-sqlite runs only those (for trying a change); all on BENCH_DATABASES by default. */
const onlyServers = process.env.BENCH_SERVERS?.split(",").map((id) => id.trim());

export const SERVERS: readonly ServerSpec[] = ALL_SERVERS.filter(
  (spec) => BENCH.databases.includes(spec.database) && (!onlyServers || onlyServers.includes(spec.id)),
);

/** Seeded once, then copied for each server, so that all of them start from the same rows. */
export const TEMPLATE_DATABASE = dataFile("bench-annotations-template.db");

export const RESULTS_FILE = path.join(process.cwd(), "bench", "results", "annotations.json");

export const sqliteUrlOf = (file: string) => `file:${file}`;

/** The demo editor the benchmark signs in as; all seeded claims are theirs so that they may change them. */
export const BENCH_EDITOR = { email: "editor@factline.test", password: "factline-demo" } as const;
