import path from "node:path";

/** Everything the annotations benchmark is parameterised by, in one place. */
export const BENCH = {
  /** The production build lives here, never in `.next` (others build and serve that one). */
  distDir: ".next-bench",
  connections: 50,
  /**
   * Seconds of the measured window per scenario and server (BENCH_DURATION_SECONDS overrides it for
   * a quick trial run). Each run also spends up to 1 s opening connections and 3 s of ramp first.
   */
  durationSeconds: Number(process.env.BENCH_DURATION_SECONDS) || 10,
  claims: 1_000,
  /** The article is the sample article's sentences, varied, until it is about this long. */
  articleChars: 20_000,
  /** Requests per scenario, on fewer connections, before measuring (JIT, lazy route modules, caches). */
  warmup: { connections: 10, reads: 20, updates: 200, creates: 200 },
  /** autocannon's per-request timeout, in seconds: a request slower than this counts as an error. */
  timeoutSeconds: 30,
} as const;

export type ServerKind = "app" | "ceiling" | "raw";

export interface ServerSpec {
  kind: ServerKind;
  label: string;
  port: number;
  databaseFile: string;
}

const dataFile = (name: string) => path.join(process.cwd(), "data", name);

export const SERVERS: readonly ServerSpec[] = [
  { kind: "app", label: "Factline (next start)", port: 3300, databaseFile: dataFile("bench-annotations.db") },
  {
    kind: "ceiling",
    label: "node:http + lib/server/claims.ts (Prisma)",
    port: 3301,
    databaseFile: dataFile("bench-annotations-ceiling.db"),
  },
  {
    kind: "raw",
    label: "node:http + better-sqlite3 (reference)",
    port: 3302,
    databaseFile: dataFile("bench-annotations-raw.db"),
  },
];

/** Seeded once, then copied for each server, so that all three start from the same rows. */
export const TEMPLATE_DATABASE = dataFile("bench-annotations-template.db");

export const RESULTS_FILE = path.join(process.cwd(), "bench", "results", "annotations.json");

export const databaseUrlOf = (file: string) => `file:${file}`;

/** The demo editor the benchmark signs in as; all seeded claims are theirs so that they may change them. */
export const BENCH_EDITOR = { email: "editor@factline.test", password: "factline-demo" } as const;
